# FormCoach — `make setup` (idempotent), `make demo`, `make test`. Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data
CLIP ?= $(SHARED)/clips/calimiro_workouttracker/squats/squat_11.mp4
EXERCISE ?=
OUT ?= out/demo

.PHONY: setup demo test lint bench clean

setup: $(VENV)/.installed

# mediapipe 0.10.21 is the last release that ships its pose model offline; its metadata would pull
# opencv-contrib-python and an unpinned numpy, so it goes in with --no-deps after our own pins.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps mediapipe==0.10.21
	touch $@

demo: setup
	$(BIN)/formcoach analyze $(CLIP) $(if $(EXERCISE),--exercise $(EXERCISE)) --out $(OUT)

test: setup
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check analysis bot models tests scripts

bench: setup
	$(BIN)/python scripts/bench_pipeline.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
