# Helpers for Kubernetes policies: every pod template and container of every workload with its
# dotted path, effective security settings (container value over pod value) and image reference
# parsing.
package rampart.lib.k8s_workload

import rego.v1

container_fields := ["containers", "initContainers", "ephemeralContainers"]

# Every pod template: {"resource": r, "spec": {...}, "path": "spec.template.spec"}. The parser
# gives workloads one pod_spec; ML and batch custom resources that hold several pod templates
# (KubeRay RayCluster/RayJob/RayService head and worker groups, Kubeflow training jobs'
# replica specs, Seldon component specs, KServe custom predictor/transformer/explainer
# containers) are read here as well.
pods contains {"resource": r, "spec": r.pod_spec, "path": r.pod_spec_path} if {
	some r in input.resources
	is_object(r.pod_spec)
}

pods contains {"resource": r, "spec": spec, "path": path} if {
	some r in input.resources
	not is_object(r.pod_spec)
	some t in crd_templates(r)
	[path, spec] := t
	is_object(spec)
}

# [dotted path, pod spec] pairs of the pod templates of known custom resources.
crd_templates(r) := ray_templates(r.values.spec, "spec") if {
	r.type == "RayCluster"
} else := ray_templates(object.get(r.values.spec, "rayClusterSpec", {}), "spec.rayClusterSpec") | submitter(r) if {
	r.type == "RayJob"
} else := ray_templates(object.get(r.values.spec, "rayClusterConfig", {}), "spec.rayClusterConfig") if {
	r.type == "RayService"
} else := {[sprintf("spec.%s.%s.template.spec", [key, role]), spec] |
	some key, roles in r.values.spec
	endswith(key, "ReplicaSpecs")
	some role, rs in roles
	spec := rs.template.spec
} if {
	endswith(r.values.apiVersion, "kubeflow.org/v1")
} else := {[sprintf("spec.predictors.%d.componentSpecs.%d.spec", [i, j]), spec] |
	some i, pred in r.values.spec.predictors
	some j, comp in pred.componentSpecs
	spec := comp.spec
} if {
	r.type == "SeldonDeployment"
} else := {[sprintf("spec.%s", [part]), spec] |
	some part in ["predictor", "transformer", "explainer"]
	spec := r.values.spec[part]
	is_array(spec.containers)
} if {
	r.type == "InferenceService"
} else := set()

ray_templates(cluster, base) := {[sprintf("%s.headGroupSpec.template.spec", [base]), spec] |
	spec := cluster.headGroupSpec.template.spec
} | {[sprintf("%s.workerGroupSpecs.%d.template.spec", [base, i]), spec] |
	some i, g in cluster.workerGroupSpecs
	spec := g.template.spec
}

submitter(r) := {["spec.submitterPodTemplate.spec", spec] | spec := r.values.spec.submitterPodTemplate.spec}

# Every resource with at least one pod template.
workloads contains p.resource if some p in pods

# Every container of every pod template:
# {"resource": r, "pod": p, "container": c, "path": "spec.template.spec.containers.0", "field": "containers"}
containers contains x if {
	some p in pods
	some field in container_fields
	some i, c in p.spec[field]
	is_object(c)
	x := {"resource": p.resource, "pod": p, "container": c, "path": sprintf("%s.%s.%d", [p.path, field, i]), "field": field}
}

# Long-running application containers only (no init or ephemeral containers).
app_containers contains x if {
	some x in containers
	x.field == "containers"
}

# The securityContext of an object, or {} when unset or not an object.
sc(obj) := s if {
	s := obj.securityContext
	is_object(s)
} else := {}

# Effective value of a securityContext field for a container: the container's own value, else
# the pod-level value, else null.
effective(x, field) := v if {
	v := sc(x.container)[field]
} else := v if {
	v := sc(x.pod.spec)[field]
} else := null

# Where the effective value was set, as a dotted path (for the finding's attribute).
effective_path(x, field) := sprintf("%s.securityContext.%s", [x.path, field]) if {
	_ := sc(x.container)[field]
} else := sprintf("%s.securityContext.%s", [x.pod.path, field]) if {
	_ := sc(x.pod.spec)[field]
} else := sprintf("%s.securityContext", [x.path])

# Capabilities added / dropped by a container, upper-cased without a CAP_ prefix.
added_caps(c) := {normal_cap(cap) | some cap in sc(c).capabilities.add}

dropped_caps(c) := {normal_cap(cap) | some cap in sc(c).capabilities.drop}

normal_cap(cap) := trim_prefix(upper(cap), "CAP_")

# Image reference parts: {"name": "registry/repo", "tag": "1.2" or "", "digest": "sha256:..." or ""}
image_ref(img) := {"name": name, "tag": tag, "digest": digest} if {
	parts := split(img, "@")
	digest := second(parts)
	nodigest := parts[0]
	segs := split(nodigest, "/")
	last := segs[count(segs) - 1]
	tag := tag_of(last)
	name := trim_suffix(nodigest, concat("", [":", tag]))
}

second(parts) := parts[1] if {
	count(parts) > 1
} else := ""

tag_of(last) := t if {
	contains(last, ":")
	t := split(last, ":")[1]
} else := ""

# True when the image string is a template placeholder we cannot judge (Helm/Kustomize/env).
templated(img) if contains(img, "{{")

templated(img) if contains(img, "${")

templated(img) if contains(img, "$(")

# Workload kinds whose pods are expected to run to completion (no probes needed).
batch_kinds := {"Job", "CronJob"}

# Resource name and address helpers.
namespace(r) := object.get(object.get(r.values, "metadata", {}), "namespace", "")

# Annotations of the metadata of a pod template (p from pods).
pod_annotations(p) := a if {
	r := p.resource
	segs := split(p.path, ".")
	meta_path := array.concat(array.slice(segs, 0, count(segs) - 1), ["metadata", "annotations"])
	a := object.get(r.values, meta_path, {})
	is_object(a)
} else := {}

# Dotted path of a pod template's annotations.
pod_annotations_path(p) := concat(".", array.concat(array.slice(segs, 0, count(segs) - 1), ["metadata", "annotations"])) if {
	segs := split(p.path, ".")
}

# Effective seccomp profile type of a container ("" when unset), from securityContext or the
# legacy alpha annotations.
seccomp_type(x) := t if {
	t := sc(x.container).seccompProfile.type
} else := t if {
	a := pod_annotations(x.pod)[concat("/", ["container.seccomp.security.alpha.kubernetes.io", x.container.name])]
	t := legacy_seccomp(a)
} else := t if {
	t := sc(x.pod.spec).seccompProfile.type
} else := t if {
	a := pod_annotations(x.pod)["seccomp.security.alpha.kubernetes.io/pod"]
	t := legacy_seccomp(a)
} else := ""

legacy_seccomp(a) := "RuntimeDefault" if a in {"runtime/default", "docker/default"}

legacy_seccomp(a) := "Unconfined" if a == "unconfined"

legacy_seccomp(a) := "Localhost" if startswith(a, "localhost/")
