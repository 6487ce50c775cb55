/* cmd_serve.c - "vanban serve": loads the server plugin (vanban-serve.so,
 * with libmicrohttpd) and runs it; other commands never load it. */
#include <stdio.h>

#include "base/diag.h"
#include "plugin.h"

/* The type of vb_serve_main in the plugin. */
typedef int (*serve_main_fn)(int, char **);

/* Runs "vanban serve …"; returns the exit code. */
int
vb_cmd_serve(int argc, char **argv)
{
	vb_diags d = {0};
	serve_main_fn fn;

	*(void **)&fn = vb_plugin_symbol("serve", "vb_serve_main", "vanban", &d);
	if (fn == NULL) {
		vb_diags_print(&d);
		vb_diags_free(&d);
		return 1;
	}
	return fn(argc, argv);
}
