# --8<-- [start:ex-compare]
import torch

X = torch.arange(12, dtype=torch.float32).reshape(3, 4)
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
print(X < Y)
print(X > Y)
print(((X < Y).int() + (X == Y).int() + (X > Y).int() == 1).all())
print(torch.arange(3).reshape(3, 1) == torch.arange(3))
# --8<-- [end:ex-compare]

# --8<-- [start:ex-broadcast]
a = torch.zeros(2, 1, 4)
for shape in [(3, 1), (3, 4), (2, 3, 1), (4,), (3,), (2, 2, 4)]:
    try:
        print(shape, "->", tuple((a + torch.zeros(shape)).shape))
    except RuntimeError:
        print(shape, "-> RuntimeError")
# --8<-- [end:ex-broadcast]


# --8<-- [start:ex-memory]
def fresh():
    X = torch.ones(3)
    return X, X.numpy(), id(X)


X, A, before = fresh()
X = X * 2
print("X = X * 2   ", id(X) == before, A)
X, A, before = fresh()
X *= 2
print("X *= 2      ", id(X) == before, A)
X, A, before = fresh()
X[:] = X * 2
print("X[:] = X * 2", id(X) == before, A)
X, A, before = fresh()
X.mul_(2)
print("X.mul_(2)   ", id(X) == before, A)
# --8<-- [end:ex-memory]

# --8<-- [start:ex-csv-write]
from pathlib import Path

import pandas as pd

data_file = Path("data") / "house_small.csv"
data_file.parent.mkdir(exist_ok=True)
data_file.write_text(
    "NumRooms,Alley,Area,Garage,Price\n"
    "NA,Pave,95,NA,127500\n"
    "2,NA,NA,1,106000\n"
    "4,NA,120,NA,178100\n"
    "NA,NA,80,NA,140000\n"
    "3,Pave,110,NA,165000\n"
    "3,Pave,NA,2,150000\n"
)
data = pd.read_csv(data_file)
print(data.isna().sum())
# --8<-- [end:ex-csv-write]

# --8<-- [start:ex-csv-drop]
most = data.isna().sum().idxmax()
data = data.drop(columns=most)
inputs, targets = data.drop(columns="Price"), data["Price"]
inputs = pd.get_dummies(inputs, dummy_na=True, dtype=float)
inputs = inputs.fillna(inputs.mean())
print(most, list(inputs.columns))
X = torch.tensor(inputs.to_numpy(dtype=float))
y = torch.tensor(targets.to_numpy(dtype=float))
print(X)
print(X.shape, y.shape)
# --8<-- [end:ex-csv-drop]
