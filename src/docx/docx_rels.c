/* docx_rels.c - relationship lists (.rels parts). */
#include "docx_int.h"

#include <stdio.h>
#include <string.h>

/* Adds a relationship; returns its id (owned by rels), or NULL when memory
 * runs out. Equal external targets share one id. */
const char *
dx_rels_add(dx_rels *rels, vb_arena *a, const char *type, const char *target,
    int external)
{
	dx_rel *r;
	size_t i;

	if (external)
		for (i = 0; i < rels->n; i++)
			if (rels->items[i].external &&
			    strcmp(rels->items[i].target, target) == 0)
				return rels->items[i].id;
	rels->items = vb_grow(a, rels->items, rels->n + 1, sizeof(dx_rel),
	    &rels->cap);
	r = &rels->items[rels->n++];
	snprintf(r->id, sizeof(r->id), "rId%zu", rels->n);
	r->type = type;
	r->target = target;
	r->external = external;
	return r->id;
}

/* Writes rels as a .rels part into out; returns 0 or -1. */
int
dx_rels_write(const dx_rels *rels, vb_buf *out)
{
	dx_xml x;
	size_t i;

	if (dx_open(&x) < 0)
		return -1;
	dx_start(&x, "Relationships");
	dx_attr(&x, "xmlns",
	    "http://schemas.openxmlformats.org/package/2006/relationships");
	for (i = 0; i < rels->n; i++) {
		const dx_rel *r = &rels->items[i];

		dx_start(&x, "Relationship");
		dx_attr(&x, "Id", r->id);
		dx_attr(&x, "Type", r->type);
		dx_attr(&x, "Target", r->target);
		if (r->external)
			dx_attr(&x, "TargetMode", "External");
		dx_end(&x);
	}
	dx_end(&x);
	return dx_close(&x, out);
}
