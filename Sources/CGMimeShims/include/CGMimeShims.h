// GMime and GObject type checks, which are macros in C and so invisible to Swift.
#ifndef TCREVIEW_CGMIMESHIMS_H
#define TCREVIEW_CGMIMESHIMS_H

#include <gmime/gmime.h>

gboolean tc_gmime_is_multipart(void *object);
gboolean tc_gmime_is_message_part(void *object);
gboolean tc_gmime_is_part(void *object);
gboolean tc_gmime_is_text_part(void *object);
gboolean tc_internet_address_is_mailbox(void *address);
gboolean tc_internet_address_is_group(void *address);
void tc_g_object_unref(void *object);

#endif
