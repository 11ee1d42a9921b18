; Inno Setup 6 script: the meetingroom installer for Windows 10/11 (x64).
;
; Installs the desktop client (Start-menu entry, optional desktop shortcut, uninstaller)
; and, optionally, the chair server as a Windows service (WinSW service wrapper, see
; README.md beside this file). Build it on Windows after the PyInstaller bundles:
;
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller installers\meetingroom.spec
;   iscc /DAppVersion=0.1.0 installers\windows\meetingroom.iss
;
; Output: dist\meetingroom-setup-<version>.exe. installers\windows\build.ps1 does both steps.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "meetingroom"
#define AppDisplayName "Phòng họp không giấy (meetingroom)"
#define Publisher "meetingroom developers"
#define Dist "..\..\dist"
#define ServiceId "meetingroom-server"
#define ServerPort "8765"

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{6C0F5E0B-2E55-4B7D-9F2A-6B1D3B1E8C41}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppVerName={#AppDisplayName} {#AppVersion}
AppPublisher={#Publisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\meetingroom
DefaultGroupName=Phòng họp không giấy
DisableProgramGroupPage=yes
OutputDir={#Dist}
OutputBaseFilename=meetingroom-setup-{#AppVersion}
SetupIconFile=..\icons\meetingroom.ico
UninstallDisplayIcon={app}\client\meetingroom-client.exe
UninstallDisplayName={#AppDisplayName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Per-machine install (the service needs it); the wizard asks for elevation.
PrivilegesRequired=admin
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
; Inno Setup ships no Vietnamese wizard; the unofficial one is in
; https://jrsoftware.org/files/istrans/ (Vietnamese.isl): drop it beside this file to use it.
#ifexist "Vietnamese.isl"
Name: "vi"; MessagesFile: "Vietnamese.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Types]
Name: "client"; Description: "Máy đại biểu / delegate laptop (client only)"
Name: "hall"; Description: "Máy chủ hội trường / hall server (client + chair server)"
Name: "custom"; Description: "Tùy chọn / custom"; Flags: iscustom

[Components]
Name: "client"; Description: "Chương trình phòng họp / desktop client"; Types: client hall custom; Flags: fixed
Name: "server"; Description: "Máy chủ chủ tọa / chair server"; Types: hall

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Components: client
Name: "service"; Description: "Chạy máy chủ như một dịch vụ Windows (tự khởi động) / run the chair server as a Windows service"; Components: server
Name: "firewall"; Description: "Mở tường lửa Windows cho phòng họp (TCP/UDP {#ServerPort}) / allow meetingroom through Windows Firewall"

[Dirs]
Name: "{commonappdata}\meetingroom"; Components: server
Name: "{commonappdata}\meetingroom\logs"; Components: server

[Files]
Source: "{#Dist}\meetingroom-client\*"; DestDir: "{app}\client"; Components: client; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Dist}\meetingroom-server\*"; DestDir: "{app}\server"; Components: server; Flags: ignoreversion recursesubdirs createallsubdirs
; WinSW (MIT licence) runs meetingroom-server.exe as a service: see README.md for where
; WinSW-x64.exe comes from. It is renamed after the service, as WinSW expects.
Source: "WinSW-x64.exe"; DestDir: "{app}\server"; DestName: "meetingroom-service.exe"; Components: server; Flags: ignoreversion
Source: "meetingroom-service.xml"; DestDir: "{app}\server"; Components: server; Flags: ignoreversion
Source: "README.md"; DestDir: "{app}"; DestName: "README-windows.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\Phòng họp không giấy"; Filename: "{app}\client\meetingroom-client.exe"; WorkingDir: "{app}\client"; Components: client
Name: "{group}\Gỡ cài đặt / Uninstall meetingroom"; Filename: "{uninstallexe}"
Name: "{group}\Máy chủ: dòng lệnh quản trị / server admin prompt"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}\server"" && set MEETINGROOM_DB={commonappdata}\meetingroom\hall.db && meetingroom-server.exe --help"; WorkingDir: "{app}\server"; Components: server
Name: "{autodesktop}\Phòng họp không giấy"; Filename: "{app}\client\meetingroom-client.exe"; WorkingDir: "{app}\client"; Tasks: desktopicon

[Run]
; A hall certificate on first install (wss://); laptops pin it on first use.
Filename: "{app}\server\meetingroom-server.exe"; Parameters: "tls-init --dir ""{commonappdata}\meetingroom\tls"" {computername} localhost"; Flags: runhidden waituntilterminated; Components: server; Check: NoCertificateYet; StatusMsg: "Tạo chứng chỉ TLS / making the TLS certificate..."
; The schema is created or migrated before the service first starts.
Filename: "{app}\server\meetingroom-server.exe"; Parameters: "db upgrade --db ""{commonappdata}\meetingroom\hall.db"""; Flags: runhidden waituntilterminated; Components: server; StatusMsg: "Cập nhật cơ sở dữ liệu / upgrading the database..."
Filename: "{app}\server\meetingroom-service.exe"; Parameters: "install"; Flags: runhidden waituntilterminated; Tasks: service; StatusMsg: "Cài dịch vụ / installing the service..."
Filename: "{app}\server\meetingroom-service.exe"; Parameters: "start"; Flags: runhidden waituntilterminated; Tasks: service
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""meetingroom server"" dir=in action=allow protocol=TCP localport={#ServerPort} program=""{app}\server\meetingroom-server.exe"""; Flags: runhidden waituntilterminated; Tasks: firewall; Components: server
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""meetingroom discovery"" dir=in action=allow protocol=UDP localport={#ServerPort} program=""{app}\client\meetingroom-client.exe"""; Flags: runhidden waituntilterminated; Tasks: firewall; Components: client
Filename: "{app}\client\meetingroom-client.exe"; Description: "{cm:LaunchProgram,Phòng họp không giấy}"; Flags: nowait postinstall skipifsilent; Components: client

[UninstallRun]
Filename: "{app}\server\meetingroom-service.exe"; Parameters: "stop"; Flags: runhidden waituntilterminated; RunOnceId: "StopService"; Components: server
Filename: "{app}\server\meetingroom-service.exe"; Parameters: "uninstall"; Flags: runhidden waituntilterminated; RunOnceId: "RemoveService"; Components: server
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""meetingroom server"""; Flags: runhidden waituntilterminated; RunOnceId: "FirewallServer"
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""meetingroom discovery"""; Flags: runhidden waituntilterminated; RunOnceId: "FirewallDiscovery"

[UninstallDelete]
; The logs go; the database, documents and certificate in {commonappdata}\meetingroom stay
; (back them up, then delete the folder by hand).
Type: filesandordirs; Name: "{commonappdata}\meetingroom\logs"

[Code]
function NoCertificateYet: Boolean;
begin
  Result := not FileExists(ExpandConstant('{commonappdata}\meetingroom\tls\key.pem'));
end;

function ServiceExists: Boolean;
var
  Code: Integer;
begin
  Result := Exec(ExpandConstant('{sys}\sc.exe'), 'query {#ServiceId}', '', SW_HIDE,
                 ewWaitUntilTerminated, Code) and (Code = 0);
end;

// An upgrade replaces files the running service holds open: stop it first, the [Run]
// section starts the new version (which applies the database migrations).
function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Code: Integer;
begin
  Result := '';
  if ServiceExists then
    Exec(ExpandConstant('{sys}\sc.exe'), 'stop {#ServiceId}', '', SW_HIDE,
         ewWaitUntilTerminated, Code);
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Code: Integer;
begin
  // Upgrading with the service already installed: `install` is skipped by WinSW with an
  // error, so start the (stopped) service here when the task was not chosen again.
  if (CurStep = ssPostInstall) and ServiceExists and not WizardIsTaskSelected('service') then
    Exec(ExpandConstant('{app}\server\meetingroom-service.exe'), 'start', '', SW_HIDE,
         ewWaitUntilTerminated, Code);
end;
