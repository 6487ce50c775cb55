/* cmd_new.h - the "new" command of vanban. */
#ifndef VB_CMD_NEW_H
#define VB_CMD_NEW_H

/* Runs "vanban new LOẠI [-o TỆP.md]"; argv[1] is "new". Returns the exit
 * code: 0 written, 1 a problem with the profile or the output (an existing
 * file is never replaced), 2 wrong command line. */
int vb_cmd_new(int argc, char **argv);

#endif
