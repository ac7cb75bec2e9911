"""The Mini App: its HTTP server, Telegram initData auth, JSON API and static pages.

* ``bot.webapp.auth`` — ``validate_init_data`` (Telegram's HMAC rules) and ``sign_init_data`` (tests, dev);
* ``bot.webapp.source`` — ``DashboardSource``, the data the pages show, as frozen dataclasses;
* ``bot.webapp.store_source`` — the DashboardSource over the bot's Store (``source_for(application)``);
* ``bot.webapp.svg`` — server-side SVG charts (no JavaScript library, nothing downloaded);
* ``bot.webapp.server`` — the tornado routes (``webapp_routes``, ``make_app``) and ``start_webapp``;
* ``bot.webapp.hosting`` — the Mini App in the running bot: its server (polling), its routes on the
  webhook server, the chat menu button;
* ``bot/webapp/static/`` — the page: vanilla JS and CSS, no build step, no CDN.
"""
