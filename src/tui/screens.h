/* screens.h: the screens' operations, for tui.c alone: no screen includes
 * this, so that no screen can reach into another. */
#ifndef CIRC_TUI_SCREENS_H
#define CIRC_TUI_SCREENS_H

#include "tui.h"

extern const struct tui_screen_ops reader_screen;  /* reader.c */
extern const struct tui_screen_ops org_screen;     /* orgscreen.c */
extern const struct tui_screen_ops summary_screen; /* sumscreen.c */
extern const struct tui_screen_ops list_screen;    /* listscreen.c */
extern const struct tui_screen_ops help_screen;    /* helpscreen.c */
extern const struct tui_screen_ops dialog_screen;  /* printui.c */
extern const struct tui_screen_ops library_screen; /* libscreen.c */

#endif
