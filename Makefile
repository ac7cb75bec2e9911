# FormCoach — `make setup` (idempotent), `make demo`, `make test`. Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data
CLIP ?= $(SHARED)/clips/calimiro_workouttracker/squats/squat_11.mp4
EXERCISE ?=
OUT ?= out/demo

.PHONY: setup demo test lint bench classifier folds clean

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

# The classifier from scratch (~1.5 h on one core): poses of the shared clips, the source-held-out folds of
# models/train/folds.py (every clip source held out once; trained one after another in one process), the
# shipped model on every source, the figures with the unsure threshold cross-fitted between the folds, and
# the shipped model's threshold chosen on all of them. See models/MODEL_CARD.md.
classifier: setup
	$(BIN)/formcoach evaluate $(SHARED)/clips/labels.csv --workers 2 --pose-cache cache/poses > /dev/null
	$(BIN)/python -m models.train.folds --prefix cache/fold --eval out/classifier_eval \
		--shipped models/weights/pose_tsm.pt --train max_minutes=90

# One seed of the held-out folds, to judge a change over seeds (models/compare.py), e.g.
#   make folds TAG=s1 SEED=1 ARGS="--aug var_len_p=0.25"; .venv/bin/python -m models.train.compare cache/exp/s0 cache/exp/s1
TAG ?= s0
SEED ?= 0
ARGS ?=
folds: setup
	mkdir -p cache/exp/$(TAG)
	$(BIN)/python -m models.train.folds --prefix cache/exp/$(TAG)/ --seed $(SEED) $(ARGS) --train max_minutes=90
	$(BIN)/python -m models.train.compare cache/exp/$(TAG)

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
