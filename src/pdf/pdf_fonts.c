/* pdf_fonts.c - finding the bundled fonts and making a Pango context that
 * uses them only, so that every machine lays out the same lines. */
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf_int.h"

/* The bundled family and its four files. */
#define BUNDLED_FAMILY "Liberation Serif"
static const char *const font_files[] = {
	"LiberationSerif-Regular.ttf",
	"LiberationSerif-Bold.ttf",
	"LiberationSerif-Italic.ttf",
	"LiberationSerif-BoldItalic.ttf",
};
#define NFONT_FILES (sizeof(font_files) / sizeof(font_files[0]))

/* Returns 1 when dir holds all four bundled font files, each a readable
 * regular file (a FIFO there would make the font loader wait forever). */
static int
has_fonts(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	size_t i;

	if (dir == NULL || *dir == '\0')
		return 0;
	for (i = 0; i < NFONT_FILES; i++) {
		if (snprintf(path, sizeof(path), "%s/%s", dir, font_files[i]) >=
		    (int)sizeof(path) || stat(path, &st) != 0 ||
		    !S_ISREG(st.st_mode) || access(path, R_OK) != 0)
			return 0;
	}
	return 1;
}

/* Returns the fonts folder in the arena, or NULL: opt->fonts_dir, then
 * $VANBAN_FONTS, then next to the executable, then VB_DATADIR. */
static const char *
find_fonts_dir(pdf_ctx *c, const vb_pdf_options *opt)
{
	static const char *const rel[] = {
		"/fonts", "/../fonts", "/../share/vanban/fonts"
	};
	char exe[PATH_MAX], *slash, *dir;
	const char *env;
	ssize_t n;
	size_t i;

	if (opt != NULL && opt->fonts_dir != NULL)
		return has_fonts(opt->fonts_dir) ? opt->fonts_dir : NULL;
	env = getenv("VANBAN_FONTS");
	if (has_fonts(env))
		return vb_strdup(c->arena, env);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			dir = vb_sprintf(c->arena, "%s%s", exe, rel[i]);
			if (has_fonts(dir))
				return dir;
		}
	}
#ifdef VB_DATADIR
	if (has_fonts(VB_DATADIR "/fonts"))
		return VB_DATADIR "/fonts";
#endif
	return NULL;
}

/* Returns a private fontconfig holding only the bundled files, or NULL. */
static FcConfig *
private_config(pdf_ctx *c, const char *dir)
{
	FcConfig *cfg = FcConfigCreate();
	size_t i;
	char *path;

	if (cfg == NULL)
		return NULL;
	for (i = 0; i < NFONT_FILES; i++) {
		path = vb_sprintf(c->arena, "%s/%s", dir, font_files[i]);
		if (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)path)) {
			FcConfigDestroy(cfg);
			return NULL;
		}
	}
	return cfg;
}

/* Returns 1 when the system's fontconfig has a font of family name. */
static int
system_has_family(const char *name)
{
	FcPattern *pat = FcNameParse((const FcChar8 *)"");
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, NULL);
	FcFontSet *fs;
	int found = 0, i, j;
	FcChar8 *fam;

	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)name);
	fs = FcFontList(NULL, pat, os);
	for (i = 0; fs != NULL && i < fs->nfont && !found; i++)
		for (j = 0; FcPatternGetString(fs->fonts[i], FC_FAMILY, j,
		    &fam) == FcResultMatch; j++)
			if (strcasecmp((const char *)fam, name) == 0)
				found = 1;
	if (fs != NULL)
		FcFontSetDestroy(fs);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return found;
}

/* Applies the settings that make Pango measure like Word; returns nothing. */
static void
tune_context(PangoContext *pc)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72);
	pango_context_set_round_glyph_positions(pc, FALSE);
}

/* Sets up c->fm, c->pc and c->family; returns 0, or -1 with an error in d. */
int
pdf_fonts_open(pdf_ctx *c, const vb_pdf_options *opt)
{
	const char *dir;
	FcConfig *cfg;

	if (opt != NULL && opt->font != NULL && *opt->font != '\0') {
		if (!system_has_family(opt->font)) {
			vb_diag_add(c->d, VB_ERROR, c->doc->path, 0, 0,
			    "xem danh sách phông bằng lệnh fc-list",
			    "không tìm thấy phông chữ \"%s\" trên máy",
			    opt->font);
			return -1;
		}
		c->fm = pango_cairo_font_map_new_for_font_type(
		    CAIRO_FONT_TYPE_FT);
		c->family = opt->font;
	} else {
		dir = find_fonts_dir(c, opt);
		if (dir == NULL || (cfg = private_config(c, dir)) == NULL) {
			vb_diag_add(c->d, VB_ERROR, c->doc->path, 0, 0,
			    "đặt biến môi trường VANBAN_FONTS trỏ tới thư mục "
			    "fonts/ của vanban",
			    "không tìm thấy phông Liberation Serif đi kèm "
			    "(thư mục fonts)");
			return -1;
		}
		c->fm = pango_cairo_font_map_new_for_font_type(
		    CAIRO_FONT_TYPE_FT);
		if (c->fm != NULL)
			pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(c->fm),
			    cfg);
		FcConfigDestroy(cfg);
		c->family = BUNDLED_FAMILY;
	}
	if (c->fm == NULL) {
		vb_diag_add(c->d, VB_ERROR, c->doc->path, 0, 0, NULL,
		    "không khởi tạo được bộ phông chữ");
		return -1;
	}
	c->pc = pango_font_map_create_context(c->fm);
	tune_context(c->pc);
	return 0;
}

/* Frees what pdf_fonts_open made. */
void
pdf_fonts_close(pdf_ctx *c)
{
	if (c->pc != NULL)
		g_object_unref(c->pc);
	if (c->fm != NULL)
		g_object_unref(c->fm);
	c->pc = NULL;
	c->fm = NULL;
}
