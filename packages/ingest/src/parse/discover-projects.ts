/**
 * Finds hls4ml designs in a list of file paths (a folder walk or a tarball's entries alike), so
 * folder and archive reading share one rule. A design is:
 * - everything under a folder holding `hls4ml_config.yml` (an hls4ml project), or
 * - a folder with report files; `csynth/`, `vsynth/`, `results/`, `report/` folders belong to
 *   their parent, so `model4/csynth/x.rpt` and `model4/vsynth/y_utilization_synth.rpt` pair up.
 * In a folder of loose console logs without a standard-named report, each log is its own design.
 */
export interface ProjectPlan {
  /** Folder (or, for a loose log, the log file) that names the design. */
  readonly root: string;
  readonly configPath?: string;
  readonly modelPath?: string;
  readonly hlsReportPath?: string;
  /** The top report in text form, whose "Detail: Instance" tables give per-layer numbers (when the main one is XML). */
  readonly instanceReportPath?: string;
  readonly synthReportPath?: string;
  /** Every csynth and utilization report of the design, for choosing again once the config names the project (`chooseTopReports`). */
  readonly reports?: readonly string[];
}

const CONFIG = /(^|\/)hls4ml_config\.ya?ml$/;
const KERAS_JSON = /(^|\/)(keras_model_config|keras_model|model)\.json$|_model\.json$/;
const KERAS_H5 = /\.(h5|hdf5|keras)$/;
const CSYNTH_XML = /(^|\/)([\w-]+_)?csynth\.xml$/;
const CSYNTH_RPT = /(^|\/)([\w-]+_)?csynth\.rpt$/;
const UTILIZATION = /(^|\/)(vivado_synth\.rpt|[\w-]*utilization_synth\.rpt|[\w-]*_utilization\.rpt)$/;
const OTHER_REPORT = /\.(rpt|log)$/;
const NOT_HLS = /(timing|export|power|drc|methodology|clock)[\w-]*\.rpt$|(^|\/)(vivado|runme)\.log$/;
const GROUPING_FOLDERS = new Set(['csynth', 'vsynth', 'results', 'report', 'reports', 'syn', 'impl', 'synth']);

export async function discoverProjects(paths: readonly string[], isHlsLog: (path: string) => Promise<boolean>): Promise<ProjectPlan[]> {
  const files = [...new Set(paths.map(normalize))].sort();
  const configRoots = new Set(files.filter((p) => CONFIG.test(p)).map(dirname));
  const projectOf = (path: string): string => {
    // The nearest folder above the file that holds an hls4ml config owns it.
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      if (configRoots.has(dir)) return dir;
      if (dir === '') break;
    }
    let dir = dirname(path);
    while (dir && GROUPING_FOLDERS.has(basename(dir).toLowerCase())) dir = dirname(dir);
    return dir;
  };

  const groups = new Map<string, string[]>();
  for (const path of files) {
    const key = projectOf(path);
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }

  const plans: ProjectPlan[] = [];
  for (const [root, members] of groups) {
    const configPath = members.find((p) => CONFIG.test(p));
    const modelPath = shallowest(members.filter((p) => KERAS_JSON.test(p) && !p.includes('/models/'))) ?? shallowest(members.filter((p) => KERAS_H5.test(p)));
    const reports = members.filter((p) => CSYNTH_XML.test(p) || CSYNTH_RPT.test(p) || UTILIZATION.test(p));
    const top = chooseTopReports(reports);
    const synthReportPath = top.synthReportPath;
    if (top.hlsReportPath || configPath) {
      if (top.hlsReportPath || synthReportPath)
        plans.push({ ...plan(root, configPath, modelPath, top.hlsReportPath, synthReportPath), ...(top.instanceReportPath && { instanceReportPath: top.instanceReportPath }), ...(reports.length > 1 && { reports }) });
      continue;
    }
    const logs: string[] = [];
    for (const path of members.filter((p) => OTHER_REPORT.test(p) && !UTILIZATION.test(p) && !NOT_HLS.test(p))) {
      if (await isHlsLog(path)) logs.push(path);
    }
    if (logs.length === 1) plans.push(plan(root, configPath, modelPath, logs[0], synthReportPath));
    else if (logs.length > 1) for (const log of logs) plans.push(plan(log, undefined, modelPath, log, undefined));
    else if (synthReportPath) plans.push(plan(root, configPath, modelPath, undefined, synthReportPath));
  }
  return plans.sort((a, b) => a.root.localeCompare(b.root));
}

/**
 * Among a project's reports: the design's C-synthesis report, the one whose instance table lists
 * its layers, and its post-synthesis utilization report. C-synthesis writes a report for every
 * module, and a module's name can sort before the top's (`Block_myproject_axi_exit54_proc`,
 * `dense_latency_…`). hls4ml reads
 * `<ProjectName>_csynth`, or `<ProjectName>_axi_csynth` for an accelerator backend
 * (`_parse_project_script` and `parse_vivado_report` in hls4ml/report/vivado_report.py), so that is
 * the design's; the wrapper's instance table holds the model as one instance, so the layers come
 * from `<ProjectName>_csynth.rpt`. Without those names: the tool's own copy of the top's report
 * (`csynth.xml`), then the shallowest report, XML before RPT.
 */
export function chooseTopReports(reports: readonly string[], projectName = 'myproject'): TopReports {
  const named = (stem: string, ext: 'xml' | 'rpt') => shallowest(reports.filter((p) => basename(p) === `${stem}_csynth.${ext}`));
  const anyOf = (stem: string) => named(stem, 'xml') ?? named(stem, 'rpt');
  const unnamed = (ext: 'xml' | 'rpt') => shallowest(reports.filter((p) => basename(p) === `csynth.${ext}`));
  const hlsReportPath =
    anyOf(`${projectName}_axi`) ??
    anyOf(projectName) ??
    unnamed('xml') ??
    shallowest(reports.filter((p) => CSYNTH_XML.test(p))) ??
    unnamed('rpt') ??
    shallowest(reports.filter((p) => CSYNTH_RPT.test(p)));
  // Vivado writes a utilization report for every IP of a block design (the DMA's, the PS's, each
  // in its out-of-context run `<ip>_synth_1/`): the model's is hls4ml's `vivado_synth.rpt` or the
  // one named after the project, else the design's own rather than another IP's.
  const synth = reports.filter((p) => UTILIZATION.test(p));
  const otherIp = (p: string) => /(^|\/)[\w-]+_\d+_synth_\d+\//.test(p);
  const synthReportPath =
    shallowest(synth.filter((p) => basename(p) === 'vivado_synth.rpt')) ??
    shallowest(synth.filter((p) => basename(p).includes(projectName))) ??
    shallowest(synth.filter((p) => !otherIp(p))) ??
    shallowest(synth);
  const withSynth = synthReportPath ? { synthReportPath } : {};
  if (!hlsReportPath) return withSynth;
  const sibling = hlsReportPath.endsWith('.rpt') ? hlsReportPath : reports.find((p) => p === hlsReportPath.replace(/\.xml$/, '.rpt'));
  const instanceReportPath = named(projectName, 'rpt') ?? sibling;
  return { hlsReportPath, ...(instanceReportPath && { instanceReportPath }), ...withSynth };
}

export interface TopReports {
  readonly hlsReportPath?: string;
  readonly instanceReportPath?: string;
  readonly synthReportPath?: string;
}

function plan(root: string, configPath?: string, modelPath?: string, hlsReportPath?: string, synthReportPath?: string): ProjectPlan {
  return {
    root,
    ...(configPath && { configPath }),
    ...(modelPath && { modelPath }),
    ...(hlsReportPath && { hlsReportPath }),
    ...(synthReportPath && { synthReportPath }),
  };
}

/**
 * A model described outside the project: `<ancestor>/models/<name>_model.json` where `<name>` is
 * a path segment of the design or a prefix of one (`model32_resource_10k` → `model32`).
 */
export function findSharedModel(plan: ProjectPlan, paths: readonly string[]): string | undefined {
  const candidates = new Set<string>();
  for (const segment of normalize(plan.root).split('/')) {
    const stem = segment.replace(/\.\w+$/, '');
    const parts = stem.split('_');
    for (let n = parts.length; n >= 1; n--) candidates.add(parts.slice(0, n).join('_'));
  }
  const models = paths.map(normalize).filter((p) => /(^|\/)models\/[^/]+\.json$/.test(p));
  const found = models.filter((p) => {
    const name = basename(p).replace(/(_model)?\.json$/, '');
    return candidates.has(name) && isAncestor(dirname(dirname(p)), plan.root);
  });
  // The longest name wins: `model32_xl` over `model32` when both are candidates.
  return found.sort((a, b) => basename(b).length - basename(a).length)[0];
}

function isAncestor(dir: string, path: string): boolean {
  return dir === '' || path.startsWith(`${dir}/`);
}

function shallowest(paths: readonly string[]): string | undefined {
  return [...paths].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
}

export function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

export function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
