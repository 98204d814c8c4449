"""What the edition is made of: plain frozen records and the questions asked of them. No I/O."""
