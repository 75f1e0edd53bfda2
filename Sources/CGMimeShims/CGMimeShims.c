#include "CGMimeShims.h"

gboolean tc_gmime_is_multipart(void *object) { return GMIME_IS_MULTIPART(object); }
gboolean tc_gmime_is_message_part(void *object) { return GMIME_IS_MESSAGE_PART(object); }
gboolean tc_gmime_is_part(void *object) { return GMIME_IS_PART(object); }
gboolean tc_gmime_is_text_part(void *object) { return GMIME_IS_TEXT_PART(object); }
gboolean tc_internet_address_is_mailbox(void *address) { return INTERNET_ADDRESS_IS_MAILBOX(address); }
gboolean tc_internet_address_is_group(void *address) { return INTERNET_ADDRESS_IS_GROUP(address); }
void tc_g_object_unref(void *object) { if (object) g_object_unref(object); }
