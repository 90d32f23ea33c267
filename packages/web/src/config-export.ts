import { formatPrecision, type ConfiguredNetwork, type Precision } from '@hlsest/core';

/** hls4ml spells types `ap_fixed<16,6>`; hlsest's canonical form drops the `ap_`. */
const hlsType = (p: Precision) => {
  const t = formatPrecision(p);
  return /^u?(fixed|int)</.test(t) ? `ap_${t}` : t;
};

const STRATEGY_NAMES = { latency: 'Latency', resource: 'Resource', resource_unrolled: 'resource_unrolled', distributed_arithmetic: 'distributed_arithmetic' } as const;

/**
 * The chosen design as the YAML `hls4ml convert -c` reads: project settings, and HLSConfig in the
 * shape `config_from_keras_model(granularity='name')` writes (Model, then LayerName with each
 * layer's precision, reuse factor and strategy where it differs from the model's).
 * `hlsest predict -c` on it builds what the page showed.
 */
export function hls4mlConfigYaml(configured: ConfiguredNetwork, modelFile: string, backend = 'Vitis'): string {
  const { config, layers } = configured;
  const lines = [
    `# hls4ml configuration for ${modelFile}, written by hlsest`,
    `${modelFile.toLowerCase().endsWith('.onnx') ? 'OnnxModel' : 'KerasJson'}: ${modelFile}`,
    'OutputDir: hls4ml_prj',
    'ProjectName: myproject',
    `Part: ${config.part}`,
    `ClockPeriod: ${config.clockPeriodNs}`,
    `IOType: ${config.ioType}`,
    `Backend: ${backend}`,
    'HLSConfig:',
    '  Model:',
    `    Precision: ${hlsType(config.precision)}`,
    `    ReuseFactor: ${config.reuseFactor}`,
    `    Strategy: ${STRATEGY_NAMES[config.strategy]}`,
    '  LayerName:',
  ];
  for (const layer of layers) {
    if (layer.kind === 'input' && !layer.precision?.result) continue;
    const entry: string[] = [];
    const precision = (Object.entries(layer.precision ?? {}).filter(([, p]) => p !== undefined) as [string, Precision][]).map(([k, p]) => `        ${k}: ${hlsType(p)}`);
    for (const variable of layer.autoPrecision ?? []) precision.push(`        ${variable}: auto`);
    if (precision.length) entry.push('      Precision:', ...precision);
    if (layer.reuseFactor !== undefined && layer.reuseFactor !== config.reuseFactor) entry.push(`      ReuseFactor: ${layer.reuseFactor}`);
    if (layer.strategy !== undefined && layer.strategy !== config.strategy) entry.push(`      Strategy: ${STRATEGY_NAMES[layer.strategy]}`);
    if (entry.length) lines.push(`    ${layer.name}:`, ...entry);
  }
  if (lines[lines.length - 1] === '  LayerName:') lines.push('    {}');
  return `${lines.join('\n')}\n`;
}
