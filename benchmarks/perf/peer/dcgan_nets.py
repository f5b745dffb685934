"""The DCGANs of gan4j's `dcgan` architecture (base width b = 64, no biases, gray images), in PyTorch.

G: z → Linear(z, C0·k·k) reshaped to (C0, k, k) (gan4j builds the k×k transposed convolution of the 1×1 latent
map as this equivalent dense layer) → BatchNorm + ReLU → transposed convs k4 s2 p1 with BatchNorm + ReLU →
the last to 1 channel → Tanh. D: strided convs k4 s2 p1 with LeakyReLU(0.2), BatchNorm on all but the first →
flatten → Linear(·, 1) (the k×k convolution to a 1×1 map, again as a dense layer). Weights N(0, 0.02²).
"""
from torch import nn


def generator(latent, widths, start):
    """widths: channels from the first (start×start) map to the last hidden one."""
    layers = [nn.Linear(latent, widths[0] * start * start, bias=False), nn.Unflatten(1, (widths[0], start, start)),
              nn.BatchNorm2d(widths[0]), nn.ReLU()]
    for c_in, c_out in zip(widths, widths[1:]):
        layers += [nn.ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU()]
    layers += [nn.ConvTranspose2d(widths[-1], 1, 4, 2, 1, bias=False), nn.Tanh()]
    return initialised(nn.Sequential(*layers))


def discriminator(widths, end):
    """widths: channels of each strided conv's output; the last map is end×end."""
    layers, c_in = [], 1
    for i, c_out in enumerate(widths):
        layers.append(nn.Conv2d(c_in, c_out, 4, 2, 1, bias=False))
        if i > 0:
            layers.append(nn.BatchNorm2d(c_out))
        layers.append(nn.LeakyReLU(0.2))
        c_in = c_out
    layers += [nn.Flatten(), nn.Linear(c_in * end * end, 1, bias=False)]
    return initialised(nn.Sequential(*layers))


def initialised(net):
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(m.weight, 0.0, 0.02)
    return net
