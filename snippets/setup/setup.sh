# --8<-- [start:setup]
git clone https://github.com/d2l-notes/d2l-notes.git
cd d2l-notes
python3 -m venv .venv
. .venv/bin/activate
pip install torch==2.13.0 "pandas>=2.2" "matplotlib>=3.9" --extra-index-url https://download.pytorch.org/whl/cpu
pip install notebook
make test
make serve
# --8<-- [end:setup]
