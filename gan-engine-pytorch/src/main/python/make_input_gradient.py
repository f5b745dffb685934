# Builds input_gradient.pt, which gan4j's PyTorch engine runs to take x's gradient of a scalar with
# create_graph=True through torch.autograd.grad: unlike Tensor.backward, autograd.grad writes no .grad
# anywhere, so nothing graph-holding is left in D's parameters (see PytorchGradients).
# Run with any PyTorch >= 1.13:  python3 make_input_gradient.py  (writes input_gradient.pt here)
import torch
from typing import List, Optional


class InputGradient(torch.nn.Module):
    def forward(self, total: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        go: List[Optional[torch.Tensor]] = [torch.ones_like(total)]
        g = torch.autograd.grad([total], [x], go, retain_graph=True, create_graph=True)
        r = g[0]
        assert r is not None
        return r


torch.jit.script(InputGradient()).save("input_gradient.pt")
