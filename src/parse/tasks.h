/* tasks.h - the standard appendix task table collected from the plan's own
 * task blocks: a numbered heading followed by labelled lines such as
 * "Đơn vị thực hiện: …", "Đơn vị phối hợp: …", "Thời gian thực hiện: …". */
#ifndef VB_TASKS_H
#define VB_TASKS_H

#include "base/arena.h"
#include "model/model.h"

/* Returns the task table (TT | Nội dung | Đơn vị chủ trì/thực hiện | Đơn vị
 * phối hợp | Thời gian | Sản phẩm) of the tasks found in body, grouped
 * under the level-1 sections they sit in; NULL when there are none. */
vb_table *vb_tasks_table(vb_arena *a, const vb_part *body);

#endif
