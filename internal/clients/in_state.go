package clients

import (
	"strings"
	"sync"
)

// inState remembers, for one configured provider, the IDs of the resources whose plan was asked
// with a prior state. Terraform plans a replacement in two calls: the change, with the prior
// state, then the create, without it. The create's plan-time checks ("the name is taken") must
// not count the very resource being replaced, which only the first call can tell.
type inState struct{ ids sync.Map }

// MarkInState records that this run's state holds the resource id.
func (c *Client) MarkInState(id string) { c.inState.ids.Store(strings.ToLower(id), true) }

// InState reports whether MarkInState recorded id in this run.
func (c *Client) InState(id string) bool {
	_, ok := c.inState.ids.Load(strings.ToLower(id))
	return ok
}
