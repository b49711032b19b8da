"""Entry point for ``python -m monitor``."""

from monitor.cli.main import main

if __name__ == "__main__":
    main()
