"""The reports screen: choose a report, make it in the background, preview, print, save."""
