;; One dense layer over a batch, f32x4 SIMD: out = x·w + b, optionally ReLU.
;; Compiled by scripts/build-wasm.mjs into dense-kernel.generated.ts (a test checks they agree).
;;
;; Layout (byte offsets into the exported memory, all row-major f32):
;;   x   rows × inputs        rows a multiple of 4 (the caller pads with zero rows)
;;   w   inputs × outputs     outputs a multiple of 8 (the caller pads with zero columns)
;;   b   outputs
;;   out rows × outputs
;; Each block of 4 rows × 8 outputs keeps its 8 accumulators in locals across the whole input
;; loop, so every weight vector loaded is used for four rows. Every output sums bias, then
;; inputs in order, like the plain TypeScript path.
(module
  (memory (export "memory") 1)
  (func (export "dense")
    (param $x i32) (param $rows i32) (param $inputs i32) (param $w i32) (param $b i32)
    (param $outputs i32) (param $out i32) (param $relu i32)
    (local $r i32) (local $j i32) (local $i i32)
    (local $xrow i32) (local $xin i32) (local $wp i32) (local $op i32)
    (local $inBytes i32) (local $outBytes i32)
    (local $lo v128) (local $hi v128) (local $s v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $inBytes (i32.shl (local.get $inputs) (i32.const 2)))
    (local.set $outBytes (i32.shl (local.get $outputs) (i32.const 2)))
    (local.set $r (i32.const 0))
    (block $rowsDone
      (loop $rowBlocks
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $xrow (i32.add (local.get $x) (i32.mul (local.get $r) (local.get $inBytes))))
        (local.set $j (i32.const 0))
        (block $colsDone
          (loop $colBlocks
            (br_if $colsDone (i32.ge_u (local.get $j) (local.get $outputs)))
            ;; accumulators start at the bias of these 8 outputs
            (local.set $a0 (v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $c0 (v128.load offset=16 (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $a1 (local.get $a0)) (local.set $a2 (local.get $a0)) (local.set $a3 (local.get $a0))
            (local.set $c1 (local.get $c0)) (local.set $c2 (local.get $c0)) (local.set $c3 (local.get $c0))
            (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $xin (local.get $xrow))
            (local.set $i (i32.const 0))
            (block $inDone
              (loop $in
                (br_if $inDone (i32.ge_u (local.get $i) (local.get $inputs)))
                (local.set $lo (v128.load (local.get $wp)))
                (local.set $hi (v128.load offset=16 (local.get $wp)))
                (local.set $s (f32x4.splat (f32.load (local.get $xin))))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (local.get $lo))))
                (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $s) (local.get $hi))))
                (local.set $s (f32x4.splat (f32.load (i32.add (local.get $xin) (local.get $inBytes)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (local.get $lo))))
                (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $s) (local.get $hi))))
                (local.set $s (f32x4.splat (f32.load (i32.add (local.get $xin) (i32.shl (local.get $inBytes) (i32.const 1))))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $s) (local.get $lo))))
                (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $s) (local.get $hi))))
                (local.set $s (f32x4.splat (f32.load (i32.add (local.get $xin) (i32.mul (local.get $inBytes) (i32.const 3))))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $s) (local.get $lo))))
                (local.set $c3 (f32x4.add (local.get $c3) (f32x4.mul (local.get $s) (local.get $hi))))
                (local.set $wp (i32.add (local.get $wp) (local.get $outBytes)))
                (local.set $xin (i32.add (local.get $xin) (i32.const 4)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $in)))
            (if (local.get $relu)
              (then
                (local.set $s (f32x4.splat (f32.const 0)))
                (local.set $a0 (f32x4.max (local.get $a0) (local.get $s)))
                (local.set $a1 (f32x4.max (local.get $a1) (local.get $s)))
                (local.set $a2 (f32x4.max (local.get $a2) (local.get $s)))
                (local.set $a3 (f32x4.max (local.get $a3) (local.get $s)))
                (local.set $c0 (f32x4.max (local.get $c0) (local.get $s)))
                (local.set $c1 (f32x4.max (local.get $c1) (local.get $s)))
                (local.set $c2 (f32x4.max (local.get $c2) (local.get $s)))
                (local.set $c3 (f32x4.max (local.get $c3) (local.get $s)))))
            (local.set $op (i32.add (local.get $out)
              (i32.add (i32.mul (local.get $r) (local.get $outBytes)) (i32.shl (local.get $j) (i32.const 2)))))
            (v128.store (local.get $op) (local.get $a0))
            (v128.store offset=16 (local.get $op) (local.get $c0))
            (local.set $op (i32.add (local.get $op) (local.get $outBytes)))
            (v128.store (local.get $op) (local.get $a1))
            (v128.store offset=16 (local.get $op) (local.get $c1))
            (local.set $op (i32.add (local.get $op) (local.get $outBytes)))
            (v128.store (local.get $op) (local.get $a2))
            (v128.store offset=16 (local.get $op) (local.get $c2))
            (local.set $op (i32.add (local.get $op) (local.get $outBytes)))
            (v128.store (local.get $op) (local.get $a3))
            (v128.store offset=16 (local.get $op) (local.get $c3))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $colBlocks)))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rowBlocks)))))
