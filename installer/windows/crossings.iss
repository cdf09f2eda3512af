; Inno Setup 6 script: installer\Output\crossings-setup-0.1.0.exe from installer\dist\crossings\
; (saved as UTF-8 with BOM: Inno Setup then reads the Arabic shortcut name correctly)
; (built by crossings-windows.spec). NOT runnable on the Linux build machine and not yet run;
; see installer/README.md, section "Windows". Compile on Windows:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\crossings.iss
;
; Per-user install without administrator rights: PrivilegesRequired=lowest installs into
; %LOCALAPPDATA%\Programs\Crossings and writes only to HKCU. No file association: projects are
; *.crossings.json and Windows would take over every .json file.

#define AppName "Crossings"
#define AppVersion "0.1.0"
#define AppExe "Crossings.exe"

[Setup]
AppId={{6E0F3C52-2B7A-4C1E-9D55-0C8A3A7B1F24}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Crossings project
AppComments=Offline flow maps of mixed migration routes
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
SourceDir=..\dist\crossings
OutputDir=..\..\Output
OutputBaseFilename=crossings-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile=_internal\licenses\DATA-LICENSES.md
InfoAfterFile=README.md

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"
Name: "{group}\{#AppName} (français)"; Filename: "{app}\{#AppExe}"; Parameters: "gui --lang fr"
Name: "{group}\{#AppName} (العربية)"; Filename: "{app}\{#AppExe}"; Parameters: "gui --lang ar"
Name: "{group}\Licences"; Filename: "{app}\_internal\licenses"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
