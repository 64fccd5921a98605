;; The line scanner's byte loop (utf8-lines.ts drives it): one pass over a chunk of UTF-8
;; bytes, sixteen at a time with SIMD while they are plain ASCII, character by character where
;; they are not. For each non-blank line it writes a record: its trimmed byte range, the same
;; range in UTF-16 units, the blank lines before it, its flags and its strong letter counts.
;; It also writes the chunk's text as UTF-16 (TEXT), which utf8-lines.ts turns into a string
;; faster than TextDecoder decodes the bytes: the one decode an import needs, in the same pass.
;; The line still open at a chunk's end carries over to the next chunk.
;; Assembled into line-scan-wasm.ts by scripts/build-wasm.mjs; a unit test checks they agree.
;;
;; Class table bits (utf8-lines.ts builds the table, one byte per BMP code point):
;;   1 COLLAPSE, 2 NFC, 4 RTL: line flags;  8 RAW: the text needs normalising first;
;;   16 LTR: a letter direction.ts counts as left-to-right;  32 SPACE: a wide space (trimmed).
;; A record's flags add 8 CREDIT: the line ends in a parenthesised credit, "… (AFP)" — what
;; creditOf (article.ts) finds, followed character by character: 1 a "(" is open, 2 and
;; something other than whitespace came after it, 4 it was closed as the last text so far.
;; After text that is not a paren: (paren | (paren & 1) << 1) & 3, spelled out where it is
;; needed (a call per sixteen bytes costs more than the expression).
(module
  (memory (export "memory") 60)

  ;; Layout: the chunk (the byte before it holds the byte that preceded it), the class table,
  ;; then one array per record field with room for a record per byte of a chunk, plus one.
  ;; The loop spells IN (64, and 63 for the byte before it) and CLASSES (131200) as literals.
  (global (export "IN") i32 (i32.const 64))
  (global (export "CHUNK") i32 (i32.const 131072))
  (global (export "CLASSES") i32 (i32.const 131200))
  (global $STARTS (export "STARTS") i32 (i32.const 196736))
  (global $ENDS (export "ENDS") i32 (i32.const 721040))
  (global $TEXT_STARTS (export "TEXT_STARTS") i32 (i32.const 1245344))
  (global $TEXT_ENDS (export "TEXT_ENDS") i32 (i32.const 1769648))
  (global $RTLS (export "RTLS") i32 (i32.const 2293952))
  (global $LTRS (export "LTRS") i32 (i32.const 2818256))
  (global $BLANKS (export "BLANKS") i32 (i32.const 3342560))
  (global $FLAGS (export "FLAGS") i32 (i32.const 3473648))
  ;; Room for two bytes per byte of a chunk, and the 32 a last SIMD store may write beyond.
  (global $TEXT (export "TEXT") i32 (i32.const 3604736))

  ;; File-wide: bytes beyond UTF-16 units so far; blank lines since the last record.
  (global $shift (mut i32) (i32.const 0))
  (global $blanks (mut i32) (i32.const 0))
  (global $last (mut i32) (i32.const 0)) ;; the byte before the chunk
  ;; The open line: flags, letters, and its trimmed range in bytes and UTF-16 units ($start -1:
  ;; no text yet). Kept in locals while a chunk is scanned, here between chunks.
  (global $flags (mut i32) (i32.const 0))
  (global $rtl (mut i32) (i32.const 0))
  (global $ltr (mut i32) (i32.const 0))
  (global $start (mut i32) (i32.const -1))
  (global $textStart (mut i32) (i32.const 0))
  (global $end (mut i32) (i32.const 0))
  (global $textEnd (mut i32) (i32.const 0))
  (global $paren (mut i32) (i32.const 0))
  ;; UTF-16 units the last scan wrote to TEXT.
  (global $written (mut i32) (i32.const 0))

  (func (export "written") (result i32)
    (global.get $written))

  (func (export "reset")
    (global.set $shift (i32.const 0))
    (global.set $blanks (i32.const 0))
    (global.set $last (i32.const 0))
    (global.set $flags (i32.const 0))
    (global.set $rtl (i32.const 0))
    (global.set $ltr (i32.const 0))
    (global.set $start (i32.const -1))
    (global.set $paren (i32.const 0)))

  ;; Writes record $n. Returns the number of records now written.
  (func $record (param $n i32) (param $start i32) (param $textStart i32) (param $end i32)
    (param $textEnd i32) (param $rtl i32) (param $ltr i32) (param $flags i32) (result i32)
    (local $at i32)
    (local.set $at (i32.shl (local.get $n) (i32.const 2)))
    (i32.store (i32.add (global.get $STARTS) (local.get $at)) (local.get $start))
    (i32.store (i32.add (global.get $ENDS) (local.get $at)) (local.get $end))
    (i32.store (i32.add (global.get $TEXT_STARTS) (local.get $at)) (local.get $textStart))
    (i32.store (i32.add (global.get $TEXT_ENDS) (local.get $at)) (local.get $textEnd))
    (i32.store (i32.add (global.get $RTLS) (local.get $at)) (local.get $rtl))
    (i32.store (i32.add (global.get $LTRS) (local.get $at)) (local.get $ltr))
    (i32.store8 (i32.add (global.get $BLANKS) (local.get $n))
      (select (global.get $blanks) (i32.const 255) (i32.lt_u (global.get $blanks) (i32.const 255))))
    (i32.store8 (i32.add (global.get $FLAGS) (local.get $n)) (local.get $flags))
    (global.set $blanks (i32.const 0))
    (i32.add (local.get $n) (i32.const 1)))

  ;; Ends the text: the open line as record 0 if it has text. Returns 0 or 1.
  (func (export "close") (result i32)
    (if (i32.lt_s (global.get $start) (i32.const 0)) (then (return (i32.const 0))))
    (call $record (i32.const 0) (global.get $start) (global.get $textStart) (global.get $end)
      (global.get $textEnd) (global.get $rtl) (global.get $ltr)
      (i32.or (global.get $flags) (i32.shl (i32.and (global.get $paren) (i32.const 4)) (i32.const 1)))))

  ;; Scans the chunk's $len bytes (valid UTF-8, cut between characters), which start at byte
  ;; $base of the text. Returns how many records it wrote, or -1 for a character canonical
  ;; rules 1–2 would change other than a CR (a control character, U+2028/2029, a BOM).
  (func (export "scan") (param $base i32) (param $len i32) (result i32)
    (local $i i32) (local $n i32) (local $p i32) (local $c i32) (local $kind i32) (local $size i32)
    (local $cp i32) (local $o i32) (local $k i32) (local $at i32) (local $mask i32) (local $solid i32) (local $v v128) (local $bad v128)
    (local $shift i32) (local $flags i32) (local $rtl i32) (local $ltr i32)
    (local $start i32) (local $textStart i32) (local $end i32) (local $textEnd i32) (local $paren i32)
    (local.set $shift (global.get $shift))
    (local.set $flags (global.get $flags))
    (local.set $rtl (global.get $rtl))
    (local.set $ltr (global.get $ltr))
    (local.set $start (global.get $start))
    (local.set $textStart (global.get $textStart))
    (local.set $end (global.get $end))
    (local.set $textEnd (global.get $textEnd))
    (local.set $paren (global.get $paren))
    (local.set $o (global.get $TEXT))
    (i32.store8 (i32.const 63) (global.get $last))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $p (i32.add (i32.const 64) (local.get $i)))
        ;; Sixteen bytes at a time while none is a control, DEL, paren or non-ASCII byte and no
        ;; two spaces meet (the load one byte back sees the byte before each).
        (if (i32.le_u (i32.add (local.get $i) (i32.const 16)) (local.get $len))
          (then
            (local.set $v (v128.load (local.get $p)))
            (local.set $bad
              (v128.or
                (v128.or
                  (i8x16.lt_s (local.get $v) (v128.const i8x16 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32))
                  (v128.or
                    (i8x16.eq (local.get $v) (v128.const i8x16 127 127 127 127 127 127 127 127 127 127 127 127 127 127 127 127))
                    ;; "(" and ")": 0x28 and 0x29 are the bytes whose bit 0 cleared gives 0x28.
                    (i8x16.eq (v128.and (local.get $v) (v128.const i8x16 254 254 254 254 254 254 254 254 254 254 254 254 254 254 254 254))
                              (v128.const i8x16 40 40 40 40 40 40 40 40 40 40 40 40 40 40 40 40))))
                (v128.and
                  (i8x16.eq (local.get $v) (v128.const i8x16 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32))
                  (i8x16.eq (v128.load (i32.sub (local.get $p) (i32.const 1)))
                            (v128.const i8x16 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32)))))
            ;; The plain bytes: all sixteen, or those before the first that needs a look.
            (local.set $k (i32.const 16))
            (local.set $mask (i32.const 0xffff))
            (if (v128.any_true (local.get $bad))
              (then
                (local.set $k (i32.ctz (i8x16.bitmask (local.get $bad))))
                (local.set $mask (i32.sub (i32.shl (i32.const 1) (local.get $k)) (i32.const 1)))))
            (if (local.get $k)
              (then
                ;; Their letters, and their first and last non-space bytes as the line's text.
                (local.set $ltr
                  (i32.add (local.get $ltr)
                    (i32.popcnt
                      (i32.and (local.get $mask)
                        (i8x16.bitmask
                          (i8x16.le_u
                            (i8x16.sub
                              (v128.or (local.get $v) (v128.const i8x16 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32))
                              (v128.const i8x16 97 97 97 97 97 97 97 97 97 97 97 97 97 97 97 97))
                            (v128.const i8x16 25 25 25 25 25 25 25 25 25 25 25 25 25 25 25 25)))))))
                (local.set $solid
                  (i32.and (local.get $mask)
                    (i8x16.bitmask
                      (i8x16.ne (local.get $v) (v128.const i8x16 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32)))))
                (if (local.get $solid)
                  (then
                    (local.set $paren (i32.and (i32.or (local.get $paren) (i32.shl (i32.and (local.get $paren) (i32.const 1)) (i32.const 1)))
                             (i32.const 3)))
                    (local.set $at (i32.add (local.get $base) (local.get $i)))
                    (if (i32.lt_s (local.get $start) (i32.const 0))
                      (then
                        (local.set $start (i32.add (local.get $at) (i32.ctz (local.get $solid))))
                        (local.set $textStart (i32.sub (local.get $start) (local.get $shift)))))
                    (local.set $end (i32.add (local.get $at) (i32.sub (i32.const 32) (i32.clz (local.get $solid)))))
                    (local.set $textEnd (i32.sub (local.get $end) (local.get $shift)))))
                ;; Their text: each byte widened to a UTF-16 unit (all 32 bytes stored, $k kept).
                (v128.store (local.get $o) (i16x8.extend_low_i8x16_u (local.get $v)))
                (v128.store offset=16 (local.get $o) (i16x8.extend_high_i8x16_u (local.get $v)))
                (local.set $o (i32.add (local.get $o) (i32.shl (local.get $k) (i32.const 1))))
                (local.set $i (i32.add (local.get $i) (local.get $k)))
                (br_if $next (i32.eq (local.get $k) (i32.const 16)))
                (local.set $p (i32.add (local.get $p) (local.get $k)))))))
        ;; One character at $i.
        (loop $char
        (local.set $c (i32.load8_u (local.get $p)))
        (if (i32.lt_u (local.get $c) (i32.const 128))
          (then
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (i32.store16 (local.get $o) (local.get $c))
            (local.set $o (i32.add (local.get $o) (i32.const 2)))
            ;; A line break: LF, CR, or CR LF (canonical rule 1), whose LF follows a CR that
            ;; ended the line already, maybe in the chunk before.
            (if (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13)))
              (then
                (br_if $next
                  (i32.and (i32.eq (local.get $c) (i32.const 10))
                           (i32.eq (i32.load8_u (i32.sub (local.get $p) (i32.const 1))) (i32.const 13))))
                ;; The line ends: a record when it has text, else one more blank line.
                (if (i32.lt_s (local.get $start) (i32.const 0))
                  (then (global.set $blanks (i32.add (global.get $blanks) (i32.const 1))))
                  (else
                    (local.set $n
                      (call $record (local.get $n) (local.get $start) (local.get $textStart) (local.get $end)
                        (local.get $textEnd) (local.get $rtl) (local.get $ltr)
                        (i32.or (local.get $flags) (i32.shl (i32.and (local.get $paren) (i32.const 4)) (i32.const 1)))))))
                (local.set $paren (i32.const 0))
                (local.set $flags (i32.const 0))
                (local.set $rtl (i32.const 0))
                (local.set $ltr (i32.const 0))
                (local.set $start (i32.const -1))
                (br $next)))
            (if (i32.eq (local.get $c) (i32.const 32))
              (then
                (if (i32.eq (i32.load8_u (i32.sub (local.get $p) (i32.const 1))) (i32.const 32))
                  (then (local.set $flags (i32.or (local.get $flags) (i32.const 1)))))
                (br $next)))
            (if (i32.lt_u (local.get $c) (i32.const 32))
              (then
                (if (i32.ne (local.get $c) (i32.const 9)) (then (return (i32.const -1))))
                (local.set $flags (i32.or (local.get $flags) (i32.const 1)))
                (br $next)))
            (if (i32.eq (local.get $c) (i32.const 127)) (then (return (i32.const -1))))
            (if (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 26))
              (then (local.set $ltr (i32.add (local.get $ltr) (i32.const 1)))))
            (local.set $paren
              (if (result i32) (i32.eq (local.get $c) (i32.const 40))
                (then (i32.const 1))
                (else
                  (if (result i32) (i32.eq (local.get $c) (i32.const 41))
                    (then (select (i32.const 4) (i32.const 0) (i32.eq (i32.and (local.get $paren) (i32.const 3)) (i32.const 3))))
                    (else (i32.and (i32.or (local.get $paren) (i32.shl (i32.and (local.get $paren) (i32.const 1)) (i32.const 1)))
                             (i32.const 3)))))))
            (local.set $end (i32.add (local.get $base) (local.get $i)))
            (if (i32.lt_s (local.get $start) (i32.const 0))
              (then
                (local.set $start (i32.sub (local.get $end) (i32.const 1)))
                (local.set $textStart (i32.sub (local.get $start) (local.get $shift)))))
            (local.set $textEnd (i32.sub (local.get $end) (local.get $shift)))
            (br $next)))
        ;; A multi-byte character: its class from the table (outside the BMP: NFC only), and its
        ;; UTF-16 unit, or surrogate pair.
        (if (i32.lt_u (local.get $c) (i32.const 0xe0))
          (then
            (local.set $size (i32.const 2))
            (local.set $cp
              (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x1f)) (i32.const 6))
                      (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f))))
            (local.set $kind (i32.load8_u offset=131200 (local.get $cp)))
            (i32.store16 (local.get $o) (local.get $cp))
            (local.set $o (i32.add (local.get $o) (i32.const 2))))
          (else
            (if (i32.lt_u (local.get $c) (i32.const 0xf0))
              (then
                (local.set $size (i32.const 3))
                (local.set $cp
                  (i32.or
                    (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x0f)) (i32.const 12))
                            (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f)) (i32.const 6)))
                    (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3f))))
                (local.set $kind (i32.load8_u offset=131200 (local.get $cp)))
                (i32.store16 (local.get $o) (local.get $cp))
                (local.set $o (i32.add (local.get $o) (i32.const 2))))
              (else
                (local.set $size (i32.const 4))
                (local.set $kind (i32.const 2))
                (local.set $cp
                  (i32.or
                    (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x07)) (i32.const 18))
                            (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f)) (i32.const 12)))
                    (i32.or (i32.shl (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3f)) (i32.const 6))
                            (i32.and (i32.load8_u offset=3 (local.get $p)) (i32.const 0x3f)))))
                (i32.store16 (local.get $o) (i32.add (i32.const 0xd7c0) (i32.shr_u (local.get $cp) (i32.const 10))))
                (i32.store16 offset=2 (local.get $o) (i32.or (i32.const 0xdc00) (i32.and (local.get $cp) (i32.const 0x3ff))))
                (local.set $o (i32.add (local.get $o) (i32.const 4)))))))
        (if (i32.and (local.get $kind) (i32.const 8)) (then (return (i32.const -1))))
        ;; A wide space is trimmed, not text. Before a character of 2 or 3 bytes, one UTF-16
        ;; unit; of 4 bytes, two.
        (if (i32.eqz (i32.and (local.get $kind) (i32.const 32)))
          (then
            (local.set $paren (i32.and (i32.or (local.get $paren) (i32.shl (i32.and (local.get $paren) (i32.const 1)) (i32.const 1)))
                             (i32.const 3)))
            (local.set $at (i32.add (local.get $base) (local.get $i)))
            (if (i32.lt_s (local.get $start) (i32.const 0))
              (then
                (local.set $start (local.get $at))
                (local.set $textStart (i32.sub (local.get $at) (local.get $shift)))))
            (local.set $end (i32.add (local.get $at) (local.get $size)))))
        (local.set $shift
          (i32.add (local.get $shift) (select (i32.const 1) (i32.const 2) (i32.eq (local.get $size) (i32.const 2)))))
        (if (i32.eqz (i32.and (local.get $kind) (i32.const 32)))
          (then (local.set $textEnd (i32.sub (local.get $end) (local.get $shift)))))
        (local.set $i (i32.add (local.get $i) (local.get $size)))
        (local.set $flags (i32.or (local.get $flags) (i32.and (local.get $kind) (i32.const 7))))
        (local.set $rtl (i32.add (local.get $rtl) (i32.and (i32.shr_u (local.get $kind) (i32.const 2)) (i32.const 1))))
        (local.set $ltr (i32.add (local.get $ltr) (i32.and (i32.shr_u (local.get $kind) (i32.const 4)) (i32.const 1))))
        ;; Another multi-byte character next (Arabic words are nothing else): no SIMD look.
        (local.set $p (i32.add (i32.const 64) (local.get $i)))
        (br_if $char
          (i32.and (i32.lt_u (local.get $i) (local.get $len))
                   (i32.ge_u (i32.load8_u (local.get $p)) (i32.const 0xc0)))))
        (br $next)))
    (global.set $shift (local.get $shift))
    (global.set $flags (local.get $flags))
    (global.set $rtl (local.get $rtl))
    (global.set $ltr (local.get $ltr))
    (global.set $start (local.get $start))
    (global.set $textStart (local.get $textStart))
    (global.set $end (local.get $end))
    (global.set $textEnd (local.get $textEnd))
    (global.set $paren (local.get $paren))
    (global.set $written (i32.shr_u (i32.sub (local.get $o) (global.get $TEXT)) (i32.const 1)))
    (if (i32.gt_u (local.get $len) (i32.const 0))
      (then (global.set $last (i32.load8_u offset=63 (local.get $len)))))
    (local.get $n)))
