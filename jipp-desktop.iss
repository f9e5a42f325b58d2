; Inno Setup 6 script for the Windows installer of JIPP Desktop.
;
; Built by build_app.py --installer, which passes the version from pyproject.toml and the
; folder PyInstaller made:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=C:\...\jipp-dist\jipp-desktop /DOutputName=... jipp-desktop.iss
; Without /DAppVersion the version is read from jipp-desktop.exe (its version resource, which
; build_installer.spec takes from the same pyproject version).
;
; The officer's data (the store, attachments, backups, the log) lives in the user's data folder
; (%LOCALAPPDATA%\KemenPANRB\JIPP Desktop), never in the program folder: the uninstaller removes
; only what this installer put there and keeps that data.

#ifndef SourceDir
  #define SourceDir "..\jipp-dist\jipp-desktop"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(SourceDir + "\jipp-desktop.exe", "ProductVersion")
#endif
#ifndef OutputName
  #define OutputName "jipp-desktop-" + AppVersion + "-setup"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together; never change it.
AppId={{6F1B4C2E-7A43-4D8B-9E0F-4A1D2C3B5E71}
AppName=JIPP Desktop
AppVersion={#AppVersion}
AppVerName=JIPP Desktop {#AppVersion}
AppPublisher=Kementerian PANRB
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\JIPP Desktop
DefaultGroupName=JIPP Desktop
; Per-user install by default (no administrator needed in an office); an administrator may
; choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename={#OutputName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\jipp-desktop.exe
UninstallDisplayName=JIPP Desktop {#AppVersion}
; An update over a running app asks to close it first.
CloseApplications=yes

[Languages]
; Inno Setup ships no Indonesian wizard texts: the user-contributed Indonesian.isl
; (https://jrsoftware.org/files/istrans/) is used when it has been put into the compiler's
; Languages folder; without it the installer speaks English (the app itself speaks Indonesian).
#if FileExists(AddBackslash(CompilerPath) + "Languages\Indonesian.isl")
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder app; files of an older version that this one no longer has are removed
; by [InstallDelete] below, never the officer's data (which is not here).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's libraries wholesale (a stale DLL of an older build must not
; linger); the data folder is elsewhere and untouched.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\JIPP Desktop"; Filename: "{app}\jipp-desktop.exe"
Name: "{group}\{cm:UninstallProgram,JIPP Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\JIPP Desktop"; Filename: "{app}\jipp-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\jipp-desktop.exe"; Description: "{cm:LaunchProgram,JIPP Desktop}"; Flags: nowait postinstall skipifsilent
