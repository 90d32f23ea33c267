import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test/data-root.js';
import { parseCsynthXml } from './csynth-xml.js';
import { parseCsynthRpt } from './csynth-rpt.js';
import { parseVivadoUtilization } from './vivado-utilization.js';

const projects = (...p: string[]) => readFileSync(dataPath('hls4ml-projects', ...p), 'utf8');

const XML_SNIPPET = `<?xml version="1.0"?>
<profile><ReportVersion><Version>2023.2</Version></ReportVersion>
<UserAssignments><Part>xcu250-figd2104-2L-e</Part><TopModelName>myproject</TopModelName><TargetClockPeriod>5.00</TargetClockPeriod><FlowTarget>vivado</FlowTarget></UserAssignments>
<PerformanceEstimates><SummaryOfTimingAnalysis><EstimatedClockPeriod>4.184</EstimatedClockPeriod></SummaryOfTimingAnalysis>
<SummaryOfOverallLatency><Best-caseLatency>6963</Best-caseLatency><Worst-caseLatency>6965</Worst-caseLatency><Interval-min>3840</Interval-min><Interval-max>undef</Interval-max></SummaryOfOverallLatency></PerformanceEstimates>
<AreaEstimates><Resources><BRAM_18K>12</BRAM_18K><DSP>0</DSP><FF>19697</FF><LUT>24821</LUT><URAM>0</URAM></Resources></AreaEstimates></profile>`;

const RPT_2018_SNIPPET = `== Vivado HLS Report for 'myproject'
* Version:        2018.2 (Build 2258646 on Thu Jun 14 20:25:20 MDT 2018)
* Target device:  xcvu9p-flgb2104-2-i
+ Timing (ns):
    * Summary:
    +--------+-------+----------+------------+
    |  Clock | Target| Estimated| Uncertainty|
    +--------+-------+----------+------------+
    |ap_clk  |   5.00|     4.366|        0.62|
    +--------+-------+----------+------------+

+ Latency (clock cycles):
    * Summary:
    +-----+-----+-----+-----+---------+
    |  Latency  |  Interval | Pipeline|
    | min | max | min | max |   Type  |
    +-----+-----+-----+-----+---------+
    |   12|   14|    1|    1| function|
    +-----+-----+-----+-----+---------+

== Utilization Estimates
* Summary:
+-----------------+---------+-------+--------+-------+-----+
|       Name      | BRAM_18K| DSP48E|   FF   |  LUT  | URAM|
+-----------------+---------+-------+--------+-------+-----+
|Instance         |        2|     10|     100|    200|    -|
+-----------------+---------+-------+--------+-------+-----+
|Total            |        2|     10|     120|    230|    0|
+-----------------+---------+-------+--------+-------+-----+
|Available        |     4320|   6840| 2364480|1182240|  960|
+-----------------+---------+-------+--------+-------+-----+
`;

const UTIL_7SERIES_SNIPPET = `| Tool Version : Vivado v.2020.1 (lin64) Build 2902540
| Device       : 7z020clg400-1
| Command      : report_utilization
+----------------------------+--------+-------+-----------+--------+
|          Site Type         |  Used  | Fixed | Available |  Util% |
+----------------------------+--------+-------+-----------+--------+
| Slice LUTs*                |   3490 |     0 |     53200 |   6.56 |
| Slice Registers            |    421 |     0 |    106400 |   0.40 |
| Block RAM Tile             |    1.5 |     0 |       140 |   1.07 |
| DSPs                       |      7 |     0 |       220 |   3.18 |
`;

const UTIL_ULTRASCALE_SNIPPET = `| Tool Version : Vivado v.2019.2 (lin64)
| Device       : xcvu9pflgb2104-2
Utilization Design Information
| CLB LUTs*                  | 60776 |     0 |   1182240 |  5.14 |
| CLB Registers              | 49540 |     0 |   2364480 |  2.10 |
| Block RAM Tile    | 60.5 |     0 |      2160 |  2.80 |
| URAM              |    0 |     0 |       960 |  0.00 |
| DSPs           | 2996 |     0 |      6840 | 43.80 |
| SLR Index | CLBs | (%)CLBs | Total LUTs |
| CLB LUTs                   | 99999 |     0 |   394080 | 25.38 |
`;

describe('csynth XML', () => {
  it('reads a Vitis report written by hand', () => {
    const report = parseCsynthXml(XML_SNIPPET, 'snippet.xml');
    expect(report).toMatchObject({
      tool: 'vitis_hls',
      toolVersion: '2023.2',
      part: 'xcu250-figd2104-2L-e',
      resources: { bram18k: 12, dsp: 0, ff: 19697, lut: 24821, uram: 0 },
      latency: { cyclesMin: 6963, cyclesMax: 6965, intervalMin: 3840, targetClockNs: 5, estimatedClockNs: 4.184 },
    });
    expect(report.latency.intervalMax).toBeUndefined();
  });

  it('reads the Vivado HLS 2020.1 report of pominiq+DNNonSilicon (values from myproject_csynth.xml)', () => {
    const report = parseCsynthXml(projects('single', 'pominiq+DNNonSilicon', 'myproject_csynth.xml'), 'x');
    expect(report).toMatchObject({
      tool: 'vivado_hls',
      toolVersion: '2020.1',
      part: 'xc7z020-clg400-1',
      resources: { bram18k: 293, dsp: 1170, ff: 682850, lut: 415081, uram: 0 },
      available: { bram18k: 280, dsp: 220, ff: 106400, lut: 53200 },
      latency: { cyclesMin: 14409, cyclesMax: 14409, intervalMin: 14403, intervalMax: 14403, targetClockNs: 2.5, estimatedClockNs: 18.982 },
    });
  });

  it.each([
    ['<profile><AreaEstimates><Resources><BRAM_18K>1</BRAM_18K>', /not well-formed XML/],
    ['<html><body>hello</body></html>', /not a C-synthesis report/],
    ['<profile><AreaEstimates><Resources><BRAM_18K>x</BRAM_18K><DSP>0</DSP><FF>0</FF><LUT>0</LUT></Resources></AreaEstimates></profile>', /BRAM_18K is not a number: "x"/],
    ['<profile><AreaEstimates><Resources><DSP>0</DSP><FF>0</FF><LUT>0</LUT></Resources></AreaEstimates></profile>', /BRAM_18K is missing/],
  ])('rejects bad XML clearly (%#)', (text, message) => {
    expect(() => parseCsynthXml(text, 'bad.xml')).toThrow(message);
    expect(() => parseCsynthXml(text, 'bad.xml')).toThrow(/bad\.xml/);
  });
});

describe('csynth RPT', () => {
  it('reads the 2018-style tables', () => {
    const report = parseCsynthRpt(RPT_2018_SNIPPET, 's.rpt');
    expect(report).toMatchObject({
      tool: 'vivado_hls',
      toolVersion: '2018.2',
      part: 'xcvu9p-flgb2104-2-i',
      topModule: 'myproject',
      resources: { bram18k: 2, dsp: 10, ff: 120, lut: 230, uram: 0 },
      available: { bram18k: 4320 },
      latency: { cyclesMin: 12, cyclesMax: 14, intervalMin: 1, intervalMax: 1, targetClockNs: 5, estimatedClockNs: 4.366 },
    });
  });

  it('reads the Vitis HLS 2022.2 report of nrp-nautilus+6nrp-hls4ml (values from myproject_csynth.rpt)', () => {
    const report = parseCsynthRpt(projects('single', 'nrp-nautilus+6nrp-hls4ml', 'myproject_csynth.rpt'), 'x');
    expect(report).toMatchObject({
      tool: 'vitis_hls',
      toolVersion: '2022.2',
      part: 'xcu250-figd2104-2L-e',
      resources: { bram18k: 8, dsp: 2557, ff: 24233, lut: 116694, uram: 0 },
      available: { bram18k: 5376, dsp: 12288 },
      latency: { cyclesMin: 15, cyclesMax: 15, intervalMin: 1, intervalMax: 1, targetClockNs: 5, estimatedClockNs: 3.636 },
    });
  });

  it('finds the report inside a vivado_hls console log (kebl-cnn phil/old/model8_rf2_phil.rpt)', () => {
    const report = parseCsynthRpt(projects('kebl-cnn', 'latency_analysis', 'phil', 'old', 'model8_rf2_phil.rpt'), 'x');
    expect(report.resources).toEqual({ bram18k: 1375, dsp: 2952, ff: 76461, lut: 107581, uram: 0 });
    expect(report.latency).toEqual({ targetClockNs: 5, estimatedClockNs: 4.366 });
  });

  it('rejects text without a utilization section', () => {
    expect(() => parseCsynthRpt('just a log line\n', 'log.txt')).toThrow(/log\.txt: not a C-synthesis report/);
    expect(() => parseCsynthRpt(RPT_2018_SNIPPET.replace('|Total            |        2|', '|Total            |     oops|'), 'b.rpt')).toThrow(/Total BRAM_18K is not a number: "oops"/);
  });
});

describe('Vivado utilization', () => {
  it('reads 7-series wording and converts 36K tiles to 18K blocks', () => {
    expect(parseVivadoUtilization(UTIL_7SERIES_SNIPPET, 'u.rpt')).toEqual({
      toolVersion: '2020.1',
      device: '7z020clg400-1',
      resources: { bram18k: 3, dsp: 7, ff: 421, lut: 3490 },
    });
  });

  it('reads UltraScale wording and ignores the per-SLR table', () => {
    expect(parseVivadoUtilization(UTIL_ULTRASCALE_SNIPPET, 'u.rpt').resources).toEqual({ bram18k: 121, dsp: 2996, ff: 49540, lut: 60776, uram: 0 });
  });

  it('reads the real reports (values from the files named)', () => {
    // pominiq+DNNonSilicon/vivado_synth.rpt: Slice LUTs 358266, Slice Registers 308427, Block RAM Tile 140, DSPs 220.
    expect(parseVivadoUtilization(projects('single', 'pominiq+DNNonSilicon', 'vivado_synth.rpt'), 'x').resources).toEqual({
      bram18k: 280,
      dsp: 220,
      ff: 308427,
      lut: 358266,
    });
    // kebl-cnn core/model4/vsynth/myproject_utilization_synth.rpt: CLB LUTs 60776, CLB Registers 49540, Block RAM Tile 60.5, DSPs 2996.
    const kebl = parseVivadoUtilization(projects('kebl-cnn', 'latency_analysis', 'core', 'model4', 'vsynth', 'myproject_utilization_synth.rpt'), 'x');
    expect(kebl).toEqual({ toolVersion: '2018.2', device: 'xcvu9pflgb2104-2', resources: { bram18k: 121, dsp: 2996, ff: 49540, lut: 60776, uram: 0 } });
  });

  it('rejects a report missing a row', () => {
    expect(() => parseVivadoUtilization(UTIL_7SERIES_SNIPPET.replace(/\| DSPs.*\n/, ''), 'u.rpt')).toThrow(/u\.rpt: utilization report lacks/);
    expect(() => parseVivadoUtilization('hello', 'h.rpt')).toThrow(/h\.rpt: not a Vivado utilization report/);
  });
});
