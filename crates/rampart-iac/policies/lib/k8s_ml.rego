# Helpers for AI/ML workload policies (Kubernetes and compose): recognising GPU workloads,
# model servers and ML tools by image, command line and ports; Services and Ingresses that
# route to them within the same document; model-provider API keys.
# No zero-argument rules in this package: with regorus 0.14.1, a policy that read one of its
# constants before calling one of its functions saw that function's lookups of the other
# constants come back undefined. Tables therefore sit behind functions.
package rampart.lib.k8s_ml

import data.rampart.lib.k8s_workload as k8s
import rego.v1

# ---- tools ----------------------------------------------------------------------------------

model_server(t) if t in {"triton", "torchserve", "vllm", "tgi", "ollama", "llama.cpp", "sglang", "localai", "kserve", "seldon"}

ml_ui(t) if t in {"mlflow", "jupyter", "gradio", "streamlit", "tensorboard"}

# Ports that on their own identify an ML tool's API or UI.
distinctive_port(port) := t if {
	ports := {
		11434: "ollama",
		8265: "ray",
		10001: "ray",
		8888: "jupyter",
		7860: "gradio",
		8501: "streamlit",
		6006: "tensorboard",
	}
	t := ports[port]
}

# The command line of a container (Kubernetes command/args or compose command/entrypoint).
cmdline(c) := concat(" ", [s | some part in ["command", "args", "entrypoint"]; some s in as_list(object.get(c, part, []))])

as_list(v) := v if is_array(v)

else := [v] if is_string(v)

else := []

# Tools a container (Kubernetes container or compose service) is recognised as.
tools(c) := {t |
	img := lower(k8s.image_ref(object.get(c, "image", "")).name)
	some t, subs in tool_images_table(0)
	some sub in subs
	contains(img, sub)
} | {t |
	line := lower(cmdline(c))
	some t, pats in tool_commands_table(0)
	some p in pats
	regex.match(p, line)
}

# tool name -> substrings of the image name (lower-case, without tag) that identify it.
tool_images_table(_) := {
	"triton": ["tritonserver"],
	"torchserve": ["torchserve"],
	"vllm": ["vllm"],
	"tgi": ["text-generation-inference"],
	"ollama": ["ollama"],
	"llama.cpp": ["llama.cpp", "llama-cpp", "llamacpp"],
	"sglang": ["sglang"],
	"localai": ["localai"],
	"kserve": ["kserve/", "kserve-"],
	"seldon": ["seldonio/"],
	"ray": ["rayproject/ray", "anyscale/ray"],
	"mlflow": ["mlflow"],
	"jupyter": ["jupyter/", "jupyterhub/", "/jupyter", "jupyterlab", "jupyter-"],
	"gradio": ["gradio"],
	"streamlit": ["streamlit"],
	"tensorboard": ["tensorboard"],
}

# tool name -> regular expressions over the container's command line (command + args joined).
tool_commands_table(_) := {
	"triton": [`tritonserver`],
	"torchserve": [`torchserve`],
	"vllm": [`vllm +serve|vllm[.]entrypoints`],
	"tgi": [`text-generation-launcher`],
	"ollama": [`ollama +serve`],
	"llama.cpp": [`llama-server|llama_cpp[.]server`],
	"sglang": [`sglang[.]launch_server`],
	"ray": [`ray +start`],
	"mlflow": [`mlflow +(server|ui)`],
	"jupyter": [`jupyter(-| +)(lab|notebook|server)|start-notebook|start-singleuser`],
	"gradio": [`gradio`],
	"streamlit": [`streamlit +run`],
	"tensorboard": [`tensorboard`],
}



# ---- GPU --------------------------------------------------------------------------------------

gpu_resource(name) if startswith(name, "nvidia.com/")

gpu_resource(name) if name in {"amd.com/gpu", "gpu.intel.com/i915", "gpu.intel.com/xe", "habana.ai/gaudi", "aws.amazon.com/neuron", "aws.amazon.com/neuroncore"}

gpu_container(c) if {
	some kind in ["limits", "requests"]
	some name, _ in c.resources[kind]
	gpu_resource(name)
}

gpu_container(c) if {
	some e in c.env
	e.name == "NVIDIA_VISIBLE_DEVICES"
	e.value != "void"
}

# A pod template (from k8s.pods) that asks for accelerators.
gpu_pod(p) if {
	some field in k8s.container_fields
	some c in p.spec[field]
	gpu_container(c)
}

gpu_pod(p) if contains(lower(object.get(p.spec, "runtimeClassName", "")), "nvidia")

gpu_workload(r) if {
	some p in k8s.pods
	p.resource.address == r.address
	gpu_pod(p)
}

# ---- Services, Ingresses and the workloads they reach ------------------------------------------

# Labels of a pod template (p from k8s.pods).
pod_labels(p) := object.get(object.get(object.get(p.resource.values, split(trim_suffix(p.path, ".spec"), "."), {}), "metadata", {}), "labels", {}) if p.path != "spec"

else := object.get(p.resource.values.metadata, "labels", {})

# Pod templates of the document a Service's selector matches (same namespace).
selected(svc) := {p |
	sel := svc.values.spec.selector
	is_object(sel)
	count(sel) > 0
	some p in k8s.pods
	k8s.namespace(p.resource) == k8s.namespace(svc)
	labels := pod_labels(p)
	matched := [k | some k, v in sel; labels[k] == v]
	count(matched) == count(sel)
}

# Tools behind a Service: from the selected workloads' containers, else from distinctive ports.
service_tools(svc) := {t |
	some p in selected(svc)
	some x in k8s.containers
	x.resource.address == p.resource.address
	x.pod.path == p.path
	some t in tools(x.container)
} | {t |
	some p in svc.values.spec.ports
	some port in {object.get(p, "port", 0), object.get(p, "targetPort", 0)}
	t := distinctive_port(port)
}

exposed_type(t) if t in {"LoadBalancer", "NodePort"}

# Annotations by which common ingress controllers require authentication.
auth_annotation(k) if k in {
	"nginx.ingress.kubernetes.io/auth-url",
	"nginx.ingress.kubernetes.io/auth-type",
	"nginx.ingress.kubernetes.io/auth-signin",
	"nginx.ingress.kubernetes.io/auth-tls-verify-client",
	"alb.ingress.kubernetes.io/auth-type",
	"traefik.ingress.kubernetes.io/router.middlewares",
	"konghq.com/plugins",
	"haproxy.org/auth-type",
	"ingress.kubernetes.io/auth-type",
	"haproxy-ingress.github.io/auth-type",
	"appgw.ingress.kubernetes.io/auth-type",
}

ingress_has_auth(ing) if {
	some k, _ in object.get(ing.values.metadata, "annotations", {})
	auth_annotation(k)
}

# Backend services of an Ingress: {"name": "svc", "port": 8080 or "http", "attribute": "spec.rules.0.http.paths.0.backend"}
ingress_backends(ing) := {b |
	some i, rule in ing.values.spec.rules
	some j, p in rule.http.paths
	b := {"name": p.backend.service.name, "port": object.get(object.get(p.backend.service, "port", {}), "number", object.get(object.get(p.backend.service, "port", {}), "name", "")), "attribute": sprintf("spec.rules.%d.http.paths.%d.backend", [i, j])}
} | {b |
	d := ing.values.spec.defaultBackend.service
	b := {"name": d.name, "port": object.get(object.get(d, "port", {}), "number", ""), "attribute": "spec.defaultBackend"}
}

# Tools an Ingress backend reaches: through the named Service of the same document, or a
# distinctive port number.
backend_tools(ing, b) := {t |
	some svc in input.resources
	svc.type == "Service"
	svc.values.metadata.name == b.name
	k8s.namespace(svc) == k8s.namespace(ing)
	some t in service_tools(svc)
} | {t |
	t := distinctive_port(b.port)
}

# ---- model-provider API keys ------------------------------------------------------------------

# Environment/config names that hold a model provider's API key.
provider_key_name(n) if n in {
	"OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_KEY", "ANTHROPIC_API_KEY", "CLAUDE_API_KEY",
	"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACEHUB_API_TOKEN", "HUGGINGFACE_TOKEN", "HF_API_TOKEN", "HF_API_KEY",
	"COHERE_API_KEY", "CO_API_KEY", "MISTRAL_API_KEY", "GROQ_API_KEY", "REPLICATE_API_TOKEN",
	"GOOGLE_API_KEY", "GEMINI_API_KEY", "TOGETHER_API_KEY", "TOGETHERAI_API_KEY", "PERPLEXITY_API_KEY", "PPLX_API_KEY",
	"DEEPSEEK_API_KEY", "XAI_API_KEY", "FIREWORKS_API_KEY", "OPENROUTER_API_KEY", "VOYAGE_API_KEY",
	"NVIDIA_API_KEY", "NGC_API_KEY", "WANDB_API_KEY", "LANGCHAIN_API_KEY", "LANGSMITH_API_KEY",
	"PINECONE_API_KEY", "AI21_API_KEY", "CEREBRAS_API_KEY",
}

# Value shapes of provider keys (prefixes documented by each provider).
provider_key_patterns(_) := {
	"Anthropic": `(^|[^A-Za-z0-9_-])sk-ant-[a-z]+[0-9]*-[A-Za-z0-9_-]{20,}`,
	"OpenAI": `(^|[^A-Za-z0-9_-])sk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}`,
	"Hugging Face": `(^|[^A-Za-z0-9_-])hf_[A-Za-z0-9]{30,}`,
	"Google AI": `(^|[^A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}`,
	"Groq": `(^|[^A-Za-z0-9_-])gsk_[A-Za-z0-9]{40,}`,
	"Replicate": `(^|[^A-Za-z0-9_-])r8_[A-Za-z0-9]{30,}`,
	"Perplexity": `(^|[^A-Za-z0-9_-])pplx-[A-Za-z0-9]{40,}`,
	"xAI": `(^|[^A-Za-z0-9_-])xai-[A-Za-z0-9]{40,}`,
}

# The provider whose key format the value matches (Anthropic is tested before OpenAI's "sk-").
key_provider(v) := "Anthropic" if {
	is_string(v)
	regex.match(provider_key_patterns(0).Anthropic, v)
} else := p if {
	is_string(v)
	some p, pat in provider_key_patterns(0)
	p != "Anthropic"
	regex.match(pat, v)
}

# A provider key in a name/value pair: a value of a known key format, or a known key name with a
# literal value.
provider_key(name, value) := sprintf("%s API key", [key_provider(value)]) if {
	key_provider(value)
} else := sprintf("literal %s", [name]) if {
	provider_key_name(upper(name))
	literal(value)
}

literal(v) if {
	is_string(v)
	s := trim_space(v)
	count(s) >= 8
	not startswith(s, "$")
	not contains(s, "{{")
	not regex.match(`^(<.*>|changeme|replace[-_]?me|your[-_].*|xxx+|[*]+|placeholder|dummy|none|null)$`, lower(s))
}
