package rules

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ARM's tag limits, for every resource that takes tags.
const (
	MaxTags           = 50
	MaxTagNameLength  = 512
	MaxTagValueLength = 256
	tagNameForbidden  = `<>%&\?/`
	sourceTagLimits   = `the Azure Resource Manager tag limitations (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations)`
)

// Tags validates a tags map against ARM's limits: at most 50 tags, names of at most 512
// characters without any of < > % & \ ? /, values of at most 256 characters.
func Tags() validator.Map { return tagsCheck{} }

type tagsCheck struct{}

func (tagsCheck) Description(context.Context) string {
	return fmt.Sprintf("at most %d tags; names of at most %d characters without any of `%s`; values of at most %d characters",
		MaxTags, MaxTagNameLength, tagNameForbidden, MaxTagValueLength)
}

func (c tagsCheck) MarkdownDescription(ctx context.Context) string { return c.Description(ctx) }

func (tagsCheck) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := shown(req.Path)
	elements := req.ConfigValue.Elements()
	if len(elements) > MaxTags {
		resp.Diagnostics.Append(ruleError(req.Path, "Too many tags",
			explain(fmt.Sprintf("%s has %d tags.", name, len(elements)),
				fmt.Sprintf("a resource can have at most %d tag name/value pairs", MaxTags), sourceTagLimits,
				fmt.Sprintf("keep at most %d tags; to store more values, join several into one tag value (a JSON string, for example).", MaxTags))))
	}
	keys := make([]string, 0, len(elements))
	for k := range elements {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if found := tagNameProblem(k); found != "" {
			resp.Diagnostics.Append(ruleError(req.Path.AtMapKey(k), "Invalid tag name",
				explain(fmt.Sprintf("The tag name %q in %s %s.", k, name, found),
					fmt.Sprintf("tag names are at most %d characters and can't contain %s", MaxTagNameLength, strings.Join(strings.Split(tagNameForbidden, ""), " ")),
					sourceTagLimits, "rename the tag.")))
		}
		v, ok := elements[k].(types.String)
		if ok && !v.IsNull() && !v.IsUnknown() && utf8.RuneCountInString(v.ValueString()) > MaxTagValueLength {
			resp.Diagnostics.Append(ruleError(req.Path.AtMapKey(k), "Tag value too long",
				explain(fmt.Sprintf("The value of tag %q in %s has %d characters.", k, name, utf8.RuneCountInString(v.ValueString())),
					fmt.Sprintf("tag values are at most %d characters", MaxTagValueLength), sourceTagLimits,
					fmt.Sprintf("shorten the value to %d characters or fewer.", MaxTagValueLength))))
		}
	}
}

// tagNameProblem says what is wrong with a tag name, or "".
func tagNameProblem(k string) string {
	switch {
	case utf8.RuneCountInString(k) > MaxTagNameLength:
		return fmt.Sprintf("has %d characters", utf8.RuneCountInString(k))
	case strings.ContainsAny(k, tagNameForbidden):
		return fmt.Sprintf("contains %q", string(k[strings.IndexAny(k, tagNameForbidden)]))
	case strings.TrimSpace(k) == "":
		return "is empty"
	}
	return ""
}
