"""The demo county ("Alder County", fictional) and its loader, behind ``portal demo``."""

from portal.demo.loader import demo_data_dir, load_demo

__all__ = ["demo_data_dir", "load_demo"]
