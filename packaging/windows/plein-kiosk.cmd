@echo off
rem Starts plein in kiosk mode (a guest session that keeps nothing).
rem Put a shortcut to this file on the desktop: see LEESMIJ.txt, part 3.
title plein
"%~dp0plein.exe" --kiosk
