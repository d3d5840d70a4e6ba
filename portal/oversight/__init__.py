"""The privacy commission: meetings, agenda items and the packets built for them."""
