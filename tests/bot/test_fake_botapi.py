"""The fake Bot API speaks real HTTP to a real python-telegram-bot: these tests pin down that it does."""

from __future__ import annotations

import asyncio
import io
import json
from datetime import timedelta

import aiohttp
import aiohttp.web
import av
import numpy as np
import pytest
import telegram
from PIL import Image
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputMediaPhoto, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fakes import FakeBotAPI

pytestmark = [
    pytest.mark.asyncio,
    # PTB 22 warns when int durations are read; the helpers below accept int and timedelta alike
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
CHAT = 4242


def jpeg(width: int = 640, height: int = 480, color: str = "orange") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def ogg_opus(seconds: float = 1.2) -> bytes:
    """A real OGG/Opus voice note (a 440 Hz tone), encoded with PyAV."""
    out = io.BytesIO()
    with av.open(out, "w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=48000, layout="mono")
        samples = (np.sin(2 * np.pi * 440 * np.arange(int(48000 * seconds)) / 48000) * 8000).astype(np.int16)
        for start in range(0, len(samples), 960):
            chunk = np.zeros((1, 960), np.int16)
            part = samples[start : start + 960]
            chunk[0, : len(part)] = part
            frame = av.AudioFrame.from_ndarray(chunk, format="s16", layout="mono")
            frame.sample_rate = 48000
            frame.pts = start
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return out.getvalue()


def seconds(value: int | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def test_get_me_and_wrong_token(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    assert tg_bot.username == "formcoach_test_bot"
    assert tg_bot.id == botapi.bot_user["id"]
    wrong = telegram.Bot("1:" + "x" * 30, base_url=botapi.base_url)
    try:
        with pytest.raises(telegram.error.InvalidToken):
            await wrong.initialize()
    finally:
        await wrong.shutdown()  # a failed initialize leaves its HTTP clients open


async def test_raw_http_get_json_and_errors(botapi: FakeBotAPI) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{botapi.base_url}{botapi.token}/getMe") as response:
            assert response.status == 200 and (await response.json())["result"]["is_bot"] is True
        body = {"chat_id": CHAT, "text": "json", "reply_markup": {"inline_keyboard": []}}
        async with http.post(f"{botapi.base_url}{botapi.token}/SENDMESSAGE", json=body) as response:
            assert (await response.json())["result"]["text"] == "json"  # method names are case-insensitive
        api = f"{botapi.base_url}{botapi.token}"
        async with http.post(f"{api}/sendMessage", data={"chat_id": "x"}) as response:
            answer = await response.json()
            assert (response.status, answer["ok"], answer["error_code"]) == (400, False, 400)
        async with http.get(f"{botapi.base_url}{botapi.token}/noSuchMethod") as response:
            assert response.status == 404 and (await response.json())["description"] == "Not Found"
        async with http.get(f"{botapi.base_url}1:wrong/getMe") as response:
            assert response.status == 401
    assert botapi.calls_for(CHAT, "sendMessage")[0].fields["reply_markup"] == {"inline_keyboard": []}


async def test_send_edit_delete_round_trip(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("취소", callback_data="cancel:1")]])
    sent = await tg_bot.send_message(CHAT, "<b>분석 중</b>… 1/3", parse_mode="HTML", reply_markup=keyboard)
    assert sent.text == "분석 중… 1/3"
    assert sent.entities[0].type == "bold" and sent.entities[0].length == 4
    assert sent.reply_markup == keyboard and sent.from_user.is_bot

    call = (await botapi.wait_calls(CHAT, "sendMessage", 1))[0]
    assert call.fields["text"] == "<b>분석 중</b>… 1/3"
    assert call.fields["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "cancel:1"

    edited = await tg_bot.edit_message_text("분석 완료", CHAT, sent.message_id)
    assert edited.text == "분석 완료" and edited.edit_date is not None
    assert edited.reply_markup is None  # an edit without reply_markup drops the keyboard, as Telegram does
    assert botapi.message(CHAT, sent.message_id)["text"] == "분석 완료"
    with pytest.raises(telegram.error.BadRequest, match="not modified"):
        await tg_bot.edit_message_text("분석 완료", CHAT, sent.message_id)

    assert await tg_bot.delete_message(CHAT, sent.message_id) is True
    assert botapi.message(CHAT, sent.message_id) is None
    with pytest.raises(telegram.error.BadRequest, match="not found"):
        await tg_bot.edit_message_text("again", CHAT, sent.message_id)
    assert await tg_bot.send_chat_action(CHAT, "upload_photo") is True
    with pytest.raises(telegram.error.BadRequest, match="(?i)replied not found"):
        await tg_bot.send_message(CHAT, "답장", reply_to_message_id=sent.message_id)
    other = await tg_bot.send_message(CHAT, "원문")
    quoted = await tg_bot.send_message(CHAT, "답장", reply_to_message_id=other.message_id)
    assert quoted.reply_to_message is not None and quoted.reply_to_message.text == "원문"


async def test_telegram_validation_errors(tg_bot: telegram.Bot) -> None:
    with pytest.raises(telegram.error.BadRequest, match="(?i)can't parse entities"):
        await tg_bot.send_message(CHAT, "<b>unclosed", parse_mode="HTML")
    with pytest.raises(telegram.error.BadRequest, match="reserved"):
        await tg_bot.send_message(CHAT, "8회 완료.", parse_mode="MarkdownV2")
    with pytest.raises(telegram.error.BadRequest, match="too long"):
        await tg_bot.send_message(CHAT, "가" * 4097)
    with pytest.raises(telegram.error.BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x" * 65)]])
        await tg_bot.send_message(CHAT, "hi", reply_markup=too_long)
    with pytest.raises(telegram.error.BadRequest, match="(?i)IMAGE_PROCESS_FAILED"):
        await tg_bot.send_photo(CHAT, b"not a picture")


async def test_photo_upload_with_real_jpeg(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    data = jpeg(1600, 900)
    message = await tg_bot.send_photo(
        CHAT, data, caption="<i>최고</i>의 순간", parse_mode="HTML", filename="best.jpg"
    )
    assert message.caption == "최고의 순간"
    assert [(p.width, p.height) for p in message.photo] == [
        (90, 51),
        (320, 180),
        (800, 450),
        (1280, 720),
        (1600, 900),
    ]
    call = (await botapi.wait_calls(CHAT, "sendPhoto", 1))[0]
    upload = call.files["photo"]
    assert upload.data == data and upload.filename == "best.jpg" and upload.content_type == "image/jpeg"
    # the largest size can be fetched back (getFile + download)
    downloaded = await (await tg_bot.get_file(message.photo[-1].file_id)).download_as_bytearray()
    assert bytes(downloaded) == data


async def test_media_group_with_attach_references(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    pictures = [jpeg(color="red"), jpeg(color="blue"), jpeg(color="green")]
    media = [InputMediaPhoto(p, caption=f"{i + 1}회차") for i, p in enumerate(pictures)]
    messages = await tg_bot.send_media_group(CHAT, media)
    assert len(messages) == 3 and len({m.media_group_id for m in messages}) == 1
    assert [m.caption for m in messages] == ["1회차", "2회차", "3회차"]
    call = (await botapi.wait_calls(CHAT, "sendMediaGroup", 1))[0]
    references = [item["media"] for item in call.fields["media"]]
    assert all(ref.startswith("attach://") for ref in references)
    assert [call.files[ref.removeprefix("attach://")].data for ref in references] == pictures
    with pytest.raises(telegram.error.BadRequest):
        await tg_bot.send_media_group(CHAT, media[:1])


async def test_voice_round_trip(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    data = ogg_opus(1.2)
    message = await tg_bot.send_voice(CHAT, data, caption="음성 피드백")
    assert message.voice is not None and message.voice.mime_type == "audio/ogg"
    assert seconds(message.voice.duration) == 1
    call = (await botapi.wait_calls(CHAT, "sendVoice", 1))[0]
    assert call.files["voice"].data == data
    downloaded = await (await tg_bot.get_file(message.voice.file_id)).download_as_bytearray()
    assert bytes(downloaded) == data
    # anything but OGG/Opus, MP3 or M4A arrives as a document, as Telegram documents it
    wav_like = await tg_bot.send_voice(CHAT, b"RIFF....WAVEfmt ", filename="x.wav")
    assert wav_like.voice is None and wav_like.document is not None


async def test_user_file_download_and_size_limit(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    clip = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40
    file_id = botapi.add_file(clip, "video/mp4", "squat.mp4")
    telegram_file = await tg_bot.get_file(file_id)
    assert telegram_file.file_size == len(clip) and telegram_file.file_path.endswith(".mp4")
    assert bytes(await telegram_file.download_as_bytearray()) == clip
    big = botapi.add_file(b"tiny", "video/mp4", "big.mp4", file_size=21 * 1024 * 1024)
    with pytest.raises(telegram.error.BadRequest, match="(?i)file is too big"):
        await tg_bot.get_file(big)
    with pytest.raises(telegram.error.BadRequest, match="(?i)invalid file_id"):
        await tg_bot.get_file("nope")


async def test_retry_after_is_surfaced(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    botapi.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(telegram.error.RetryAfter) as caught:
        await tg_bot.send_message(CHAT, "첫 시도")
    assert seconds(caught.value.retry_after) == 7
    assert (await tg_bot.send_message(CHAT, "두 번째")).text == "두 번째"
    attempts = botapi.calls_for(CHAT, "sendMessage", ok=None)
    assert [(c.status, c.fields["text"]) for c in attempts] == [(429, "첫 시도"), (200, "두 번째")]
    assert attempts[0].description == "Too Many Requests: retry after 7"


async def test_gateway_error_reset_delay_and_block(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    botapi.fail_next("sendMessage", 502)
    with pytest.raises(telegram.error.NetworkError, match="Bad Gateway"):
        await tg_bot.send_message(CHAT, "x")
    botapi.reset_next("sendPhoto")
    with pytest.raises(telegram.error.NetworkError):
        await tg_bot.send_photo(CHAT, jpeg())
    botapi.delay_next("sendMessage", 1.0)
    with pytest.raises(telegram.error.TimedOut):
        await tg_bot.send_message(CHAT, "slow", read_timeout=0.2)
    botapi.block_chat(CHAT)
    with pytest.raises(telegram.error.Forbidden, match="blocked"):
        await tg_bot.send_message(CHAT, "hello?")
    botapi.block_chat(CHAT, blocked=False)
    assert (await tg_bot.send_message(CHAT, "back")).text == "back"


async def test_get_updates_long_polls_offsets_and_filters(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, botapi.push_message, CHAT, "늦게 온 메시지")
    started = loop.time()
    updates = await tg_bot.get_updates(timeout=5)
    assert 0.2 < loop.time() - started < 3  # answered when the update arrived, not at the timeout
    assert [u.message.text for u in updates] == ["늦게 온 메시지"]
    assert len(await tg_bot.get_updates(timeout=0)) == 1  # not confirmed yet
    assert await tg_bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == ()
    assert botapi.updates == []
    botapi.push_message(CHAT, "text")
    assert await tg_bot.get_updates(timeout=0, allowed_updates=["callback_query"]) == ()
    assert botapi.updates == []  # updates of other types are not kept


async def test_application_polling_delivers_updates_to_handlers(botapi: FakeBotAPI) -> None:
    seen: list[str] = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append("start")
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("스쿼트", callback_data="ex:squat")]])
        await update.effective_message.reply_text("운동을 고르세요", reply_markup=keyboard)

    async def video(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        telegram_file = await update.effective_message.video.get_file()
        seen.append(bytes(await telegram_file.download_as_bytearray()).decode())

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append(update.callback_query.data)
        await update.callback_query.answer("선택됨")

    app = (
        Application.builder()
        .token(botapi.token)
        .base_url(botapi.base_url)
        .base_file_url(botapi.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.VIDEO, video))
    app.add_handler(CallbackQueryHandler(button))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=2)
        try:
            botapi.push_message(CHAT, "/start")
            reply = (await botapi.wait_calls(CHAT, "sendMessage", 1))[0]
            botapi.push_video(CHAT, botapi.add_file(b"clip-bytes", "video/mp4", "a.mp4"), caption="squat")
            botapi.push_callback(CHAT, reply.result["message_id"], "ex:squat")
            await botapi.wait_calls(None, "answerCallbackQuery", 1)
            await botapi.wait_for(lambda: len(seen) == 3)
            await botapi.wait_updates_consumed()
        finally:
            await app.updater.stop()
            await app.stop()
    assert seen == ["start", "clip-bytes", "ex:squat"]
    assert reply.result["text"] == "운동을 고르세요"
    assert botapi.calls_for(method="deleteWebhook")  # PTB's bootstrap ran against the fake


async def test_commands_and_webhook_delivery(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    await tg_bot.set_my_commands([("start", "시작"), ("history", "기록 보기")])
    assert [(c.command, c.description) for c in await tg_bot.get_my_commands()] == [
        ("start", "시작"),
        ("history", "기록 보기"),
    ]
    with pytest.raises(telegram.error.BadRequest, match="(?i)BOT_COMMAND_INVALID"):
        await tg_bot.set_my_commands([("Bad-Command", "x")])

    received: list[tuple[dict, str | None]] = []

    async def hook(request: aiohttp.web.Request) -> aiohttp.web.Response:
        received.append((await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        return aiohttp.web.Response()

    app = aiohttp.web.Application()
    app.router.add_post("/hook", hook)
    runner = aiohttp.web.AppRunner(app)
    await runner.setup()
    site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        await tg_bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        with pytest.raises(telegram.error.Conflict):
            await tg_bot.get_updates()
        botapi.push_message(CHAT, "웹훅")
        await botapi.wait_for(lambda: received)
        assert received[0][0]["message"]["text"] == "웹훅" and received[0][1] == "s3cret"
        assert (await tg_bot.get_webhook_info()).pending_update_count == 0
        await tg_bot.delete_webhook()
    finally:
        await runner.cleanup()
    assert json.loads(json.dumps(botapi.webhook_deliveries))[0]["message"]["text"] == "웹훅"


async def test_pushed_media_kinds_parse_as_ptb_objects(botapi: FakeBotAPI, tg_bot: telegram.Bot) -> None:
    video = botapi.add_file(b"v" * 100, "video/mp4", "clip.mp4")
    gif = botapi.add_file(b"g" * 50, "video/mp4", "loop.mp4")
    doc = botapi.add_file(b"d" * 70, "video/quicktime", "IMG_0001.MOV")
    photo = botapi.add_file(jpeg(300, 400), "image/jpeg")
    botapi.push_video(CHAT, video, caption="스쿼트", duration=9)
    botapi.push_video_note(CHAT, video, length=240)
    botapi.push_animation(CHAT, gif)
    botapi.push_document(CHAT, doc, caption="파일로 보냄")
    botapi.push_photo(CHAT, photo)
    botapi.push_message(CHAT, "/start@formcoach_test_bot deep", user_id=77, language_code="en")
    messages = [u.effective_message for u in await tg_bot.get_updates(timeout=0)]
    assert messages[0].video.file_id == video and messages[0].caption == "스쿼트"
    assert seconds(messages[0].video.duration) == 9 and messages[0].video.file_size == 100
    assert messages[1].video_note.length == 240 and messages[1].video_note.file_id == video
    assert messages[2].animation.file_name == "loop.mp4"
    assert (
        messages[3].document.mime_type == "video/quicktime"
        and messages[3].document.file_name == "IMG_0001.MOV"
    )
    assert (messages[4].photo[-1].width, messages[4].photo[-1].height) == (300, 400)
    assert messages[5].from_user.id == 77 and messages[5].from_user.language_code == "en"
    assert messages[5].parse_entities([telegram.MessageEntity.BOT_COMMAND])
    assert [m.message_id for m in messages] == [1, 2, 3, 4, 5, 6]
