# installers\windows\build.ps1 -- build the Windows installer (run from any folder).
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
# Needs: Python 3.11 x64 on PATH, Inno Setup 6 (iscc.exe), and WinSW-x64.exe beside this
# script (see README.md). Output: dist\meetingroom-setup-<version>.exe
$ErrorActionPreference = "Stop"
$repo = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $repo

if (-not (Test-Path "$PSScriptRoot\WinSW-x64.exe")) {
    throw "WinSW-x64.exe is missing from installers\windows (see README.md)"
}
if (-not (Test-Path ".venv-win\Scripts\python.exe")) { python -m venv .venv-win }
& .venv-win\Scripts\python.exe -m pip install --upgrade pip
& .venv-win\Scripts\python.exe -m pip install -e ".[bundle]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$version = & .venv-win\Scripts\python.exe -c "import meetingroom; print(meetingroom.__version__)"
& .venv-win\Scripts\pyinstaller.exe --noconfirm --distpath dist --workpath build\pyinstaller installers\meetingroom.spec
if ($LASTEXITCODE -ne 0) { throw "pyinstaller failed" }

# A quick check that the frozen server starts at all.
& dist\meetingroom-server\meetingroom-server.exe --version
if ($LASTEXITCODE -ne 0) { throw "the frozen server does not start" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installers\windows\meetingroom.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
Write-Host "built dist\meetingroom-setup-$version.exe"
