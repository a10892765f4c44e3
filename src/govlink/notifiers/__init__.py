"""The built-in notifiers: plugins implementing ``govlink_notify``.

* :mod:`govlink.notifiers.log` (built in, always on): logs every alert.
* :mod:`govlink.notifiers.smtp`: e-mails alerts; registered when ``smtp_host`` is set.
"""

__all__: list[str] = []
