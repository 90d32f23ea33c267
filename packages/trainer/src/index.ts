export { ruleFidelity, type RuleFidelity } from './rule-fidelity.js';
