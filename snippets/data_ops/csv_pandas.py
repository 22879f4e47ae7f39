# --8<-- [start:write]
from pathlib import Path

data_file = Path("data") / "house_tiny.csv"
data_file.parent.mkdir(exist_ok=True)
data_file.write_text("NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n")
# --8<-- [end:write]

# --8<-- [start:read]
import pandas as pd

data = pd.read_csv(data_file)
print(data)
# --8<-- [end:read]

# --8<-- [start:missing]
inputs, targets = data.iloc[:, 0:2], data.iloc[:, 2]
inputs = pd.get_dummies(inputs, dummy_na=True, dtype=float)
inputs = inputs.fillna(inputs.mean())
print(inputs)
# --8<-- [end:missing]

# --8<-- [start:to-tensor]
import torch

X = torch.tensor(inputs.to_numpy(dtype=float))
y = torch.tensor(targets.to_numpy(dtype=float))
print(X)
print(y)
# --8<-- [end:to-tensor]
