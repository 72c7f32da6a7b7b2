package aksrules

import (
	"reflect"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// fillAll sets every pointer, map and slice field of the struct v points at
// to a distinct non-nil value, so that a conversion dropping a field shows.
func fillAll(t *testing.T, v any) {
	t.Helper()
	s := reflect.ValueOf(v).Elem()
	for i := range s.NumField() {
		f := s.Field(i)
		switch f.Kind() {
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Map:
			f.Set(reflect.MakeMap(f.Type()))
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		default:
			t.Fatalf("unexpected field kind %s for %s", f.Kind(), s.Type().Field(i).Name)
		}
	}
}

func TestProfileToAgentPoolCopiesEveryField(t *testing.T) {
	prof := &armcontainerservice.ManagedClusterAgentPoolProfile{}
	fillAll(t, prof)
	prof.Name = to("pool1")
	ap := ProfileToAgentPool(testClusterID, prof)
	if deref(ap.Name) != "pool1" || deref(ap.ID) != testClusterID+"/agentPools/pool1" || deref(ap.Type) != agentPoolResourceType {
		t.Fatalf("identity: got name %q id %q type %q", deref(ap.Name), deref(ap.ID), deref(ap.Type))
	}
	pv, fv := reflect.ValueOf(ap.Properties).Elem(), reflect.ValueOf(prof).Elem()
	for i := range pv.NumField() {
		name := pv.Type().Field(i).Name
		src := fv.FieldByName(name)
		if !src.IsValid() {
			t.Fatalf("profile has no field %s", name)
		}
		// Each field was given its own allocation: the copy must share it.
		if pv.Field(i).IsNil() || pv.Field(i).Pointer() != src.Pointer() {
			t.Errorf("field %s not copied to the agent pool", name)
		}
	}
}

func TestAgentPoolToProfileCopiesEveryField(t *testing.T) {
	ap := &armcontainerservice.AgentPool{Name: to("pool1"), Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}}
	fillAll(t, ap.Properties)
	prof := AgentPoolToProfile(ap)
	fv, pv := reflect.ValueOf(prof).Elem(), reflect.ValueOf(ap.Properties).Elem()
	for i := range fv.NumField() {
		name := fv.Type().Field(i).Name
		if name == "Name" {
			continue
		}
		src := pv.FieldByName(name)
		if !src.IsValid() || fv.Field(i).IsNil() || fv.Field(i).Pointer() != src.Pointer() {
			t.Errorf("field %s not copied to the profile", name)
		}
	}
	if deref(prof.Name) != "pool1" {
		t.Fatalf("name = %q", deref(prof.Name))
	}
}

func TestConversionRoundTrip(t *testing.T) {
	prof := &armcontainerservice.ManagedClusterAgentPoolProfile{
		Name: to("pool1"), Count: to[int32](3), VMSize: to("Standard_D4s_v3"),
		NodeLabels: map[string]*string{"team": to("a")}, AvailabilityZones: []*string{to("1")},
	}
	back := AgentPoolToProfile(ProfileToAgentPool(testClusterID, prof))
	if !reflect.DeepEqual(prof, back) {
		t.Fatalf("round trip changed the profile: %+v", back)
	}
	if ProfileToAgentPool(testClusterID, nil) != nil || AgentPoolToProfile(nil) != nil {
		t.Fatal("nil must convert to nil")
	}
}

func TestAgentPoolToProfileNameFromID(t *testing.T) {
	prof := AgentPoolToProfile(&armcontainerservice.AgentPool{ID: to(testClusterID + "/agentPools/fromid")})
	if deref(prof.Name) != "fromid" {
		t.Fatalf("name = %q, want fromid", deref(prof.Name))
	}
}
