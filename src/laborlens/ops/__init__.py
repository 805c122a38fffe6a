"""Operations: encrypted backups and restore, retention of closed cases, scale data."""
