"""Stories: the items about one event (wire copies, other outlets' articles, revisions) joined."""
