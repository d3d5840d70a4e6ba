"""Request transparency log: requests the city received for individuals' sensitive information."""
