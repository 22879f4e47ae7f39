# --8<-- [start:hadamard]
import torch

A = torch.arange(6, dtype=torch.float32).reshape(2, 3)
B = torch.tensor([[2.0, 2.0, 2.0], [0.0, 1.0, -1.0]])
print(A)
print(B)
print(A * B)
# --8<-- [end:hadamard]

# --8<-- [start:dot]
a = torch.tensor([1, 2, 3, 4])
b = torch.tensor([4, 3, 2, 1])
print(torch.dot(a, b))
print(torch.sum(a * b))
print(torch.dot(a.float(), b.float()))
# --8<-- [end:dot]

# --8<-- [start:dot-errors]
try:
    torch.dot(a, b.float())
except RuntimeError as err:
    print(err)
print(torch.sum(a * b.float()))
try:
    torch.dot(torch.ones(2, 2), torch.ones(2, 2))
except RuntimeError as err:
    print(err)
# --8<-- [end:dot-errors]

# --8<-- [start:mv]
A = torch.ones(3, 4)
x = torch.tensor([1.0, 2.0, 3.0, 4.0])
print(A.dtype, x.dtype)
print(torch.mv(A, x))
print(A.shape, x.shape, torch.mv(A, x).shape)
# --8<-- [end:mv]

# --8<-- [start:mv-errors]
A_int = torch.arange(12).reshape(3, 4)
try:
    torch.mv(A_int, x)
except RuntimeError as err:
    print(err)
print(torch.mv(A_int.float(), x))
try:
    torch.mv(A, torch.ones(3))
except RuntimeError as err:
    print(err)
# --8<-- [end:mv-errors]

# --8<-- [start:mm]
A = torch.arange(20, dtype=torch.float32).reshape((5, 4))
B = torch.ones((4, 3))
print(torch.mm(A, B))
print(torch.mm(A, B).shape)
# --8<-- [end:mm]

# --8<-- [start:mm-errors]
try:
    torch.mm(A, torch.ones(3, 3))
except RuntimeError as err:
    print(err)
try:
    torch.mm(A, torch.ones(4))
except RuntimeError as err:
    print(err)
# --8<-- [end:mm-errors]

# --8<-- [start:cross]
e1 = torch.tensor([1.0, 0.0, 0.0])
e2 = torch.tensor([0.0, 1.0, 0.0])
print(torch.linalg.cross(e1, e2))
# --8<-- [end:cross]

# --8<-- [start:matmul]
v = torch.ones(4)
print((v @ v).shape, (A @ v).shape, (v @ B).shape, (A @ B).shape)
print(torch.equal(A @ v, torch.mv(A, v)), torch.equal(A @ B, torch.mm(A, B)))
print(torch.equal(torch.matmul(A, B), A @ B))
batch = torch.ones(2, 5, 4)
print((batch @ B).shape)
# --8<-- [end:matmul]

# --8<-- [start:matmul-errors]
try:
    A @ torch.ones(3, 3)
except RuntimeError as err:
    print(err)
try:
    torch.arange(20).reshape(5, 4) @ B
except RuntimeError as err:
    print(err)
# --8<-- [end:matmul-errors]
