#ifndef NIANBAO_CCAIROGLYPHGATE_H
#define NIANBAO_CCAIROGLYPHGATE_H

/// While `skip` is non-zero on the calling thread, cairo_show_glyphs draws
/// nothing there. Poppler draws a page's text through cairo_show_glyphs; the
/// ruling-line pass needs only the page's strokes and fills, and the glyphs
/// (each loaded and rasterised by FreeType and pixman) are most of its cost.
void nianbao_glyph_gate_skip(int skip);

/// How many glyph runs the gate has skipped in this process (for the tests).
unsigned long nianbao_glyph_gate_skipped(void);

#endif
