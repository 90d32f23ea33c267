import { ENET } from './enet.js';
import { N_TORC } from './n-torc.js';
import { NAS_LENET } from './nas-lenet.js';
import { SEPCONV_STUDY } from './sepconv-study.js';
import type { TableReader } from './table-reader.js';

/** Tables hlsest reads with code of their own, tried (by header and name) before the declarative CSV mappings. */
export const TABLE_READERS: readonly TableReader[] = [N_TORC, ENET, NAS_LENET, SEPCONV_STUDY];

export type { TableReader, TableRow } from './table-reader.js';
