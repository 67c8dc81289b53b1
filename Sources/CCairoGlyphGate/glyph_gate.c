// Interposes cairo_show_glyphs: the executable's definition is the one the
// dynamic linker binds libpoppler-glib's calls to. Outside a skip it forwards to
// cairo's own (the next definition in lookup order).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include "CCairoGlyphGate.h"

typedef void (*show_glyphs_fn)(void *cr, const void *glyphs, int num_glyphs);

static _Thread_local int skipping;
static _Atomic(show_glyphs_fn) real_show_glyphs;
static atomic_ulong skipped;

void nianbao_glyph_gate_skip(int skip) { skipping = skip; }

unsigned long nianbao_glyph_gate_skipped(void) { return atomic_load(&skipped); }

void cairo_show_glyphs(void *cr, const void *glyphs, int num_glyphs) {
    if (skipping) {
        atomic_fetch_add_explicit(&skipped, 1, memory_order_relaxed);
        return;
    }
    show_glyphs_fn real = atomic_load(&real_show_glyphs);
    if (real == 0) {
        real = (show_glyphs_fn)dlsym(RTLD_NEXT, "cairo_show_glyphs");
        if (real == 0) return;
        atomic_store(&real_show_glyphs, real);
    }
    real(cr, glyphs, num_glyphs);
}
