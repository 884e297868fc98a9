"""An unexpected error in a screen's code never wedges the screen.

Textual gives every widget, screen and the app its own message loop, and when a handler raises, that
loop reports the error and stops for good. The app's handler (`AccordApp._handle_exception`) shows a
notice instead of exiting, but the loop that raised stays dead: a panel whose handler failed takes
no more messages, so every key typed in one of its fields bubbles up into it and is lost there (the
team screen stood frozen with no key working); when the failing code is a key's action, the dead
loop is the app's own and nothing answers any more.

Textual has no public hook for this, so the one place every message is dispatched is wrapped: an
error from a handler goes to the app's handler (logged, a notice shown) and the loop goes on with
its next message. Installed once, by the app, before it starts.
"""

from typing import Any

from textual.message import Message
from textual.message_pump import MessagePump

_MARK = "_accord_guarded"


def install() -> None:
    """Wrap `MessagePump._dispatch_message` so that a handler's error never ends a message loop."""
    original: Any = MessagePump._dispatch_message
    if getattr(original, _MARK, False):
        return

    async def dispatch(pump: MessagePump, message: Message) -> None:
        try:
            await original(pump, message)
        except Exception as error:  # shown by the app's handler, which decides what follows
            pump.app._handle_exception(error)

    setattr(dispatch, _MARK, True)
    MessagePump._dispatch_message = dispatch  # type: ignore[method-assign,assignment]
