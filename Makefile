# Shortcuts; each target runs the same script as the README and CI.
.PHONY: run test benchmark quality
run:
	./scripts/run
test:
	./scripts/test
benchmark:
	./scripts/benchmark
quality:
	uv run ruff check . && uv run ruff format --check . && DJANGO_DEBUG=1 uv run python manage.py makemigrations --check --dry-run
