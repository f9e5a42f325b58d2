"""`python -m jipp_desktop`, and the entry point of the frozen app: the same as `jipp-desktop`."""

from jipp_desktop.cli.main import main

if __name__ == "__main__":
    main()
