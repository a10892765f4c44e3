"""The built-in notifiers: plugins offering ``govlink_notifiers`` specs.

* :mod:`govlink.notifiers.log` (``log``, always on): logs every alert.
* :mod:`govlink.notifiers.smtp` (``smtp``): e-mails alerts; on when ``smtp_host`` is set.
"""

__all__: list[str] = []
