import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HlsestError, type Latency, type Resources } from '@hlsest/core';
import type { HlsReport } from './report-types.js';
import { reportNumber, requireNumber } from './numbers.js';

// Sections the reader never looks at are skipped unparsed (stop nodes): they are most of the
// file (interface port lists, module tables) and parsing them was most of ingesting a project.
const UNREAD_SECTIONS = ['InterfaceSummary', 'RTLDesignHierarchy', 'ModuleInformation', 'FIFOInformation', 'UserConfigCommands', 'Args', 'Interfaces', 'ReportHWInterface', 'ReportSWInterface', 'ReportBurst'];
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, trimValues: true, stopNodes: UNREAD_SECTIONS.map((name) => `profile.${name}`) });

/**
 * `<top>_csynth.xml` (Vivado HLS 2018–2020, Vitis HLS 2020–2024). Vivado HLS names the DSP
 * column `DSP48E`, Vitis `DSP`; Vitis adds `<FlowTarget>` to the user assignments.
 */
export function parseCsynthXml(text: string, file: string): HlsReport {
  // The lenient parser goes first (one pass); the validator runs only to explain a failure.
  let profile: Record<string, any> | undefined;
  try {
    profile = (parser.parse(text) as { profile?: Record<string, any> }).profile;
  } catch {
    profile = undefined;
  }
  if (!profile || !profile['AreaEstimates'] || !/<\/profile>\s*$/.test(text)) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new HlsestError('HLSEST_BAD_REPORT', `${file}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`, { file });
    if (!profile || !profile['AreaEstimates']) throw new HlsestError('HLSEST_BAD_REPORT', `${file}: not a C-synthesis report (no <profile><AreaEstimates>)`, { file });
  }
  const user = profile['UserAssignments'] ?? {};
  const perf = profile['PerformanceEstimates'] ?? {};
  const overall = perf['SummaryOfOverallLatency'] ?? {};
  const area = profile['AreaEstimates'];
  const version = profile['ReportVersion']?.['Version'];
  const vitis = user['FlowTarget'] !== undefined || area['Resources']?.['DSP'] !== undefined;
  const latency: Latency = definedOnly({
    cyclesMin: reportNumber(overall['Best-caseLatency'], 'Best-caseLatency', file),
    cyclesMax: reportNumber(overall['Worst-caseLatency'], 'Worst-caseLatency', file),
    intervalMin: reportNumber(overall['Interval-min'], 'Interval-min', file),
    intervalMax: reportNumber(overall['Interval-max'], 'Interval-max', file),
    targetClockNs: reportNumber(user['TargetClockPeriod'], 'TargetClockPeriod', file),
    estimatedClockNs: reportNumber(perf['SummaryOfTimingAnalysis']?.['EstimatedClockPeriod'], 'EstimatedClockPeriod', file),
  });
  return definedOnly({
    format: 'csynth-xml' as const,
    tool: vitis ? ('vitis_hls' as const) : ('vivado_hls' as const),
    toolVersion: version === undefined ? undefined : String(version),
    part: user['Part'] === undefined ? undefined : String(user['Part']),
    topModule: user['TopModelName'] === undefined ? undefined : String(user['TopModelName']),
    latency,
    resources: resources(area['Resources'], file, 'Resources'),
    available: area['AvailableResources'] ? resources(area['AvailableResources'], file, 'AvailableResources') : undefined,
  }) as HlsReport;
}

function resources(node: Record<string, unknown> | undefined, file: string, where: string): Resources {
  if (!node) throw new HlsestError('HLSEST_BAD_REPORT', `${file}: no <${where}>`, { file });
  const uram = reportNumber(node['URAM'], `${where}/URAM`, file);
  return {
    bram18k: requireNumber(node['BRAM_18K'], `${where}/BRAM_18K`, file),
    dsp: requireNumber(node['DSP'] ?? node['DSP48E'] ?? node['DSP48'], `${where}/DSP`, file),
    ff: requireNumber(node['FF'], `${where}/FF`, file),
    lut: requireNumber(node['LUT'], `${where}/LUT`, file),
    ...(uram !== undefined && { uram }),
  };
}

export function definedOnly<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
