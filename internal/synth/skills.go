package synth

import "strings"

// kind says what a skill is, so that a sentence fits it ("Kubernetes 운영 경험" but never
// "Python 운영 경험").
type kind uint8

const (
	kindLang    kind = 1 << iota // a programming language
	kindLib                      // a framework or library one writes code with
	kindInfra                    // a platform, database or service one operates
	kindTool                     // a tool one uses: build, test, deploy, analyse
	kindConcept                  // a field or practice
	kindData                     // handles data in volume ("... 이용한 대용량 데이터 처리")
	kindCluster                  // runs as a cluster one builds and troubleshoots
	kindDeploy                   // an environment services are deployed to
)

const kindAny = kindLang | kindLib | kindInfra | kindTool | kindConcept

// final is how a word ends when read aloud in Korean, which picks the particle after it:
// Python을 (파이썬, a final consonant), Docker를 (도커, a vowel), SQL로 (에스큐엘, ㄹ).
type final uint8

const (
	finVowel final = iota
	finConsonant
	finRieul
)

// spelling is one way a skill is written, with how it ends.
type spelling struct {
	text string
	fin  final
}

// skill is one skill as postings write it: its common name first, other Latin spellings, and
// Korean spellings.
type skill struct {
	kind kind
	en   []spelling
	ko   []spelling
}

// skills holds every skill a generated posting names, by key. The popularity of a skill is
// set per role, by its place in the role's pool.
var skills = map[string]*skill{}

// sk adds a skill. Each spelling is "text" or "text:f" with f one of v (vowel), c (final
// consonant), l (final ㄹ); Korean words need no mark, their last syllable tells. A spelling
// holding Hangul is a Korean spelling.
func sk(key string, k kind, spellings ...string) {
	s := &skill{kind: k}
	for _, raw := range spellings {
		text, mark, _ := strings.Cut(raw, ":")
		sp := spelling{text: text, fin: finOf(text)}
		switch mark {
		case "v":
			sp.fin = finVowel
		case "c":
			sp.fin = finConsonant
		case "l":
			sp.fin = finRieul
		}
		if hasHangul(text) {
			s.ko = append(s.ko, sp)
		} else {
			s.en = append(s.en, sp)
		}
	}
	skills[key] = s
}

func init() {
	// Languages.
	sk("python", kindLang, "Python:c", "파이썬")
	sk("java", kindLang, "Java:v", "자바")
	sk("kotlin", kindLang, "Kotlin:c", "코틀린")
	sk("go", kindLang, "Go:v", "Golang:c")
	sk("typescript", kindLang, "TypeScript:v", "타입스크립트")
	sk("javascript", kindLang, "JavaScript:v", "자바스크립트")
	sk("sql", kindLang|kindData, "SQL:l")
	sk("cpp", kindLang, "C++:v")
	sk("rust", kindLang, "Rust:v", "러스트")
	sk("swift", kindLang, "Swift:v", "스위프트")
	sk("objc", kindLang, "Objective-C:v")
	sk("r", kindLang, "R:l")
	sk("scala", kindLang, "Scala:v", "스칼라")
	sk("htmlcss", kindLang, "HTML/CSS:v")

	// Frameworks and libraries.
	sk("springboot", kindLib, "Spring Boot:v", "SpringBoot:v", "스프링부트", "스프링 부트")
	sk("spring", kindLib, "Spring:c", "Spring Framework:c", "스프링")
	sk("jpa", kindLib, "JPA:v", "Spring Data JPA:v")
	sk("django", kindLib, "Django:v", "장고")
	sk("fastapi", kindLib, "FastAPI:v")
	sk("flask", kindLib, "Flask:v", "플라스크")
	sk("celery", kindLib, "Celery:v")
	sk("nodejs", kindLib, "Node.js:v", "NodeJS:v")
	sk("nestjs", kindLib, "NestJS:v")
	sk("react", kindLib, "React:v", "React.js:v", "리액트")
	sk("vue", kindLib, "Vue.js:v", "Vue:v")
	sk("nextjs", kindLib, "Next.js:v")
	sk("redux", kindLib, "Redux:v")
	sk("jest", kindTool, "Jest:v")
	sk("webpack", kindTool, "Webpack:c")
	sk("tailwind", kindLib, "Tailwind CSS:v")
	sk("pytorch", kindLib, "PyTorch:v", "파이토치")
	sk("tensorflow", kindLib, "TensorFlow:v", "텐서플로우", "텐서플로")
	sk("sklearn", kindLib, "scikit-learn:c", "사이킷런")
	sk("pandas", kindLib|kindData, "Pandas:v", "판다스")
	sk("numpy", kindLib|kindData, "NumPy:v", "넘파이")
	sk("huggingface", kindLib, "Hugging Face:v", "Transformers:v", "허깅페이스")
	sk("langchain", kindLib, "LangChain:c", "랭체인")
	sk("vllm", kindLib, "vLLM:c")
	sk("opencv", kindLib, "OpenCV:v")
	sk("android", kindLib, "Android:v", "Android SDK:v", "안드로이드")
	sk("compose", kindLib, "Jetpack Compose:v")
	sk("coroutines", kindLib, "Coroutines:v", "Kotlin Coroutines:v", "코루틴")
	sk("rxjava", kindLib, "RxJava:v")
	sk("swiftui", kindLib, "SwiftUI:v")
	sk("rxswift", kindLib, "RxSwift:v")
	sk("junit", kindTool, "JUnit:c")
	sk("grpc", kindLib, "gRPC:v")
	sk("graphql", kindLib, "GraphQL:l")

	// Platforms, databases and tools.
	sk("docker", kindInfra|kindDeploy, "Docker:v", "도커")
	sk("kubernetes", kindInfra|kindDeploy|kindCluster, "Kubernetes:v", "K8s:v", "쿠버네티스")
	sk("aws", kindInfra|kindDeploy, "AWS:v", "Amazon Web Services:v")
	sk("gcp", kindInfra|kindDeploy, "GCP:v", "Google Cloud:v")
	sk("azure", kindInfra|kindDeploy, "Azure:v")
	sk("terraform", kindTool, "Terraform:c", "테라폼")
	sk("jenkins", kindTool, "Jenkins:v", "젠킨스")
	sk("ghactions", kindTool, "GitHub Actions:v")
	sk("linux", kindInfra|kindDeploy, "Linux:v", "리눅스")
	sk("git", kindTool, "Git:c", "GitHub:v")
	sk("kafka", kindInfra|kindData|kindCluster, "Kafka:v", "Apache Kafka:v", "카프카")
	sk("redis", kindInfra|kindCluster, "Redis:v", "레디스")
	sk("mysql", kindInfra|kindCluster, "MySQL:l")
	sk("postgresql", kindInfra|kindCluster, "PostgreSQL:l", "Postgres:v")
	sk("mongodb", kindInfra|kindCluster, "MongoDB:v", "몽고DB:v")
	sk("elasticsearch", kindInfra|kindData|kindCluster, "Elasticsearch:v", "엘라스틱서치")
	sk("spark", kindInfra|kindData|kindCluster, "Spark:v", "Apache Spark:v", "스파크")
	sk("airflow", kindInfra, "Airflow:v", "Apache Airflow:v", "에어플로우")
	sk("hadoop", kindInfra|kindData|kindCluster, "Hadoop:c", "하둡")
	sk("flink", kindInfra|kindData|kindCluster, "Flink:v")
	sk("bigquery", kindInfra|kindData, "BigQuery:v", "빅쿼리")
	sk("snowflake", kindInfra|kindData, "Snowflake:v")
	sk("dbt", kindTool, "dbt:v")
	sk("mlflow", kindInfra, "MLflow:v")
	sk("kubeflow", kindInfra, "Kubeflow:v")
	sk("triton", kindInfra, "Triton:c", "Triton Inference Server:v")
	sk("onnx", kindTool, "ONNX:v")
	sk("prometheus", kindInfra|kindTool, "Prometheus:v", "프로메테우스")
	sk("grafana", kindInfra|kindTool, "Grafana:v", "그라파나")
	sk("ansible", kindTool, "Ansible:l", "앤서블")
	sk("helm", kindTool, "Helm:c")
	sk("argocd", kindTool, "ArgoCD:v", "Argo CD:v")
	sk("nginx", kindInfra, "Nginx:v")
	sk("istio", kindInfra, "Istio:v")
	sk("datadog", kindTool, "Datadog:c")
	sk("tableau", kindTool, "Tableau:v", "태블로")
	sk("cuda", kindLib, "CUDA:v")
	sk("xcode", kindTool, "Xcode:v")
	sk("firebase", kindInfra|kindTool, "Firebase:v", "파이어베이스")
	sk("excel", kindTool, "Excel:l", "엑셀")
	sk("ga", kindTool, "Google Analytics:v", "GA4:v")
	sk("ros", kindLib, "ROS:v")

	// Fields and practices.
	sk("ml", kindConcept, "Machine Learning:c", "ML:l", "머신러닝", "기계학습")
	sk("dl", kindConcept, "Deep Learning:c", "딥러닝")
	sk("nlp", kindConcept, "NLP:v", "자연어처리", "자연어 처리")
	sk("cv", kindConcept, "Computer Vision:c", "컴퓨터 비전", "컴퓨터비전")
	sk("llm", kindConcept, "LLM:c", "대규모 언어 모델")
	sk("rag", kindConcept, "RAG:v")
	sk("recsys", kindConcept, "Recommender Systems:v", "추천 시스템")
	sk("abtest", kindConcept, "A/B Testing:c", "A/B 테스트")
	sk("statistics", kindConcept, "Statistics:v", "통계학")
	sk("cicd", kindConcept, "CI/CD:v")
	sk("msa", kindConcept, "Microservices:v", "MSA:v", "마이크로서비스 아키텍처")
	sk("pipelines", kindConcept, "Data Pipelines:v", "데이터 파이프라인")
	sk("mlops", kindConcept, "MLOps:v")
	sk("serving", kindConcept, "Model Serving:c", "모델 서빙")
	sk("tdd", kindConcept, "TDD:v", "테스트 주도 개발")
	sk("ddd", kindConcept, "DDD:v", "도메인 주도 설계")
	sk("etl", kindConcept, "ETL:l")
	sk("timeseries", kindConcept, "Time Series Analysis:v", "시계열 분석")
	sk("causal", kindConcept, "Causal Inference:v", "인과추론")
	sk("mvvm", kindConcept, "MVVM:c")
}

// hasHangul reports whether s holds a Hangul syllable.
func hasHangul(s string) bool {
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			return true
		}
	}
	return false
}

// finOf is how s ends when its last character is a Hangul syllable (a vowel otherwise; Latin
// spellings carry their ending in the skill table).
func finOf(s string) final {
	var last rune
	for _, r := range s {
		last = r
	}
	if last < 0xAC00 || last > 0xD7A3 {
		return finVowel
	}
	switch (last - 0xAC00) % 28 {
	case 0:
		return finVowel
	case 8:
		return finRieul
	}
	return finConsonant
}

// particle returns the form of a Korean particle that follows a word with the given ending.
// p names the particle by its after-consonant form: 을, 은, 이, 과 or 으로.
func particle(p string, f final) string {
	switch p {
	case "을":
		if f == finVowel {
			return "를"
		}
	case "은":
		if f == finVowel {
			return "는"
		}
	case "이":
		if f == finVowel {
			return "가"
		}
	case "과":
		if f == finVowel {
			return "와"
		}
	case "으로", "로":
		if f == finConsonant {
			return "으로"
		}
		return "로"
	}
	return p
}
