"""The Mini App: its HTTP server, Telegram initData auth, JSON API and static pages.

* ``bot.webapp.auth`` — ``validate_init_data`` (Telegram's HMAC rules) and ``sign_init_data`` (tests, dev);
* ``bot.webapp.source`` — ``DashboardSource``, the data the pages show, as frozen dataclasses;
* ``bot.webapp.svg`` — server-side SVG charts (no JavaScript library, nothing downloaded);
* ``bot.webapp.server`` — the tornado application (``make_app``) and ``start_webapp`` for the bot's loop;
* ``bot/webapp/static/`` — the page: vanilla JS and CSS, no build step, no CDN.
"""
