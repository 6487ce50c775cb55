/* output.c - atomic output files. */
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *
vb_errno_text(int e)
{
	switch (e) {
	case ENOSPC: return "ổ đĩa đã đầy";
	case EDQUOT: return "đã hết hạn mức dung lượng";
	case EFBIG: return "tệp vượt quá kích thước cho phép";
	case EACCES: case EPERM: return "không có quyền ghi vào thư mục này";
	case ENOENT: return "thư mục không tồn tại";
	case EISDIR: return "đường dẫn là một thư mục";
	case EROFS: return "ổ đĩa chỉ cho đọc";
	default: return strerror(e);
	}
}

/* Writes all of data to fd; returns 0 or -1 with errno set. */
static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Prints that path could not be written because of errno e. */
static void
report(const char *path, int e)
{
	fprintf(stderr, "vanban: %s: lỗi: không ghi được tệp: %s (tệp cũ, nếu "
	    "có, vẫn giữ nguyên)\n", path, vb_errno_text(e));
}

int
vb_write_atomic(const char *path, const char *data, size_t len)
{
	struct stat st;
	char *tmp;
	int fd, e;

	if (strcmp(path, "-") == 0)
		return write_all(STDOUT_FILENO, data, len) < 0 ? -1 : 0;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "vanban: %s: lỗi: đường dẫn ra là một thư mục\n"
		    "  gợi ý: ghi rõ tên tệp, ví dụ -o %s/ke-hoach.docx\n", path, path);
		return -1;
	}
	if ((tmp = malloc(strlen(path) + 16)) == NULL)
		return -1;
	sprintf(tmp, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		report(path, errno);
		free(tmp);
		return -1;
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0 || fchmod(fd, 0644) < 0) {
		e = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		e = errno;
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	unlink(tmp);
	report(path, e);
	free(tmp);
	return -1;
}
